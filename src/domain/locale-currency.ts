/**
 * The currency a network in a language's region most likely pays in, to suggest when the
 * stipend rule has none yet (the network still chooses: the suggestion is only a start).
 * Intl gives a locale's region (ar-EG → EG; "pl" alone → PL through likely subtags) but no
 * region → currency table, so the table below covers the regions where the app's languages
 * are spoken and the euro area. An unknown region suggests nothing.
 */

const EURO = 'AT BE CY DE EE ES FI FR GR HR IE IT LT LU LV MT NL PT SI SK'.split(' ')

const BY_REGION: Readonly<Record<string, string>> = {
  ...Object.fromEntries(EURO.map((region) => [region, 'EUR'])),
  // English
  GB: 'GBP',
  US: 'USD',
  CA: 'CAD',
  AU: 'AUD',
  NZ: 'NZD',
  ZA: 'ZAR',
  NG: 'NGN',
  KE: 'KES',
  GH: 'GHS',
  UG: 'UGX',
  TZ: 'TZS',
  ZW: 'USD',
  JM: 'JMD',
  PH: 'PHP',
  SG: 'SGD',
  IN: 'INR',
  // Arabic
  EG: 'EGP',
  SA: 'SAR',
  AE: 'AED',
  MA: 'MAD',
  DZ: 'DZD',
  TN: 'TND',
  LY: 'LYD',
  SD: 'SDG',
  JO: 'JOD',
  LB: 'LBP',
  SY: 'SYP',
  IQ: 'IQD',
  YE: 'YER',
  KW: 'KWD',
  QA: 'QAR',
  BH: 'BHD',
  OM: 'OMR',
  PS: 'ILS',
  IL: 'ILS',
  MR: 'MRU',
  SO: 'SOS',
  DJ: 'DJF',
  KM: 'KMF',
  // Urdu
  PK: 'PKR',
  // Polish, Romanian
  PL: 'PLN',
  RO: 'RON',
  MD: 'MDL',
  // Spanish
  MX: 'MXN',
  AR: 'ARS',
  CO: 'COP',
  CL: 'CLP',
  PE: 'PEN',
  VE: 'VES',
  EC: 'USD',
  BO: 'BOB',
  PY: 'PYG',
  UY: 'UYU',
  GT: 'GTQ',
  HN: 'HNL',
  NI: 'NIO',
  CR: 'CRC',
  PA: 'PAB',
  DO: 'DOP',
  CU: 'CUP',
  SV: 'USD',
  PR: 'USD',
  GQ: 'XAF',
  // Portuguese
  BR: 'BRL',
  AO: 'AOA',
  MZ: 'MZN',
  CV: 'CVE',
  GW: 'XOF',
  ST: 'STN',
  TL: 'USD',
  // others people often set their phones to
  CH: 'CHF',
  NO: 'NOK',
  SE: 'SEK',
  DK: 'DKK',
  CZ: 'CZK',
  HU: 'HUF',
  BG: 'BGN',
  TR: 'TRY',
  UA: 'UAH',
  BD: 'BDT',
  AF: 'AFN',
  IR: 'IRR',
  JP: 'JPY',
  CN: 'CNY',
}

/** The region of a language tag ("ar-EG" → "EG", "pl" → "PL"), or undefined. */
export function regionOf(tag: string): string | undefined {
  try {
    const locale = new Intl.Locale(tag)
    return locale.region ?? locale.maximize().region
  } catch {
    return undefined // not a language tag
  }
}

/** A currency to suggest for a language tag: "ar-EG" → "EGP", "en-GB" → "GBP", or "". */
export function currencyForLocale(tag: string): string {
  const region = regionOf(tag)
  return (region && BY_REGION[region]) ?? ''
}

/**
 * The tag to take the region from: the device's first language in the app's language (it
 * carries the region: the app's own locale is only "ar"), else the app's language alone.
 */
export function regionalTag(appLocale: string, deviceLanguages: readonly string[]): string {
  const base = (tag: string) => tag.toLowerCase().split('-')[0]
  return deviceLanguages.find((tag) => base(tag) === base(appLocale)) ?? appLocale
}
