#!/usr/bin/env node
// Captures real offers and answers from this machine's Chromium for the room-code unit tests
// (tests/unit/sync/fixtures/sdp-*.json). Each pair is one negotiated data channel gathered
// without trickle (the SDP is read once gathering completed), as pairing by QR code needs.
// `node scripts/capture-room-code-sdp.mjs [scenario…]` rewrites the fixtures; run it again on
// another machine or Chromium to see what changes.
import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { join } from 'node:path'
import { chromium } from 'playwright-core'

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const BASE_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]
const FAKE_CAMERA = ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream']
const FIXTURES = join(import.meta.dirname, '../tests/unit/sync/fixtures')

/** Runs in the page: one side's description once gathering completed. */
async function describeSide({ remote, camera }) {
  // Chromium then gives every interface's real address instead of .local names
  if (camera) window.stream = await navigator.mediaDevices.getUserMedia({ video: true })
  const pc = new RTCPeerConnection()
  window.pc = pc
  pc.createDataChannel('weave', { negotiated: true, id: 0 })
  const gathered = new Promise((done) => {
    if (pc.iceGatheringState === 'complete') done()
    pc.addEventListener('icegatheringstatechange', () => {
      if (pc.iceGatheringState === 'complete') done()
    })
  })
  if (remote) {
    await pc.setRemoteDescription(remote)
    await pc.setLocalDescription(await pc.createAnswer())
  } else {
    await pc.setLocalDescription(await pc.createOffer())
  }
  await Promise.race([gathered, new Promise((done) => setTimeout(done, 5000))])
  return { type: pc.localDescription.type, sdp: pc.localDescription.sdp }
}

async function capture(name, { args, camera, note }) {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...BASE_ARGS, ...(camera ? FAKE_CAMERA : []), ...args],
  })
  // a loopback origin is a secure context, so the page may ask for the camera
  const server = createServer((_, response) => response.end('<!doctype html><title>sdp</title>'))
  await new Promise((done) => server.listen(0, '127.0.0.1', done))
  try {
    const context = await browser.newContext()
    if (camera) await context.grantPermissions(['camera'])
    const [offerer, answerer] = [await context.newPage(), await context.newPage()]
    for (const page of [offerer, answerer])
      await page.goto(`http://127.0.0.1:${server.address().port}/`)
    const offer = await offerer.evaluate(describeSide, { remote: null, camera })
    const answer = await answerer.evaluate(describeSide, { remote: offer, camera })
    const version = browser.version()
    const fixture = { name, note, chromium: version, offer: offer.sdp, answer: answer.sdp }
    writeFileSync(join(FIXTURES, `sdp-${name}.json`), `${JSON.stringify(fixture, null, 2)}\n`)
    const count = (sdp) => sdp.split('\n').filter((l) => l.startsWith('a=candidate')).length
    console.log(`${name}: offer ${count(offer.sdp)} candidates, answer ${count(answer.sdp)}`)
  } finally {
    server.close()
    await browser.close()
  }
}

const scenarios = {
  'host-addresses': {
    args: [],
    camera: true,
    note: 'Camera granted before gathering: real host addresses, IPv4 and IPv6.',
  },
  mdns: {
    args: [],
    camera: false,
    note: 'No camera asked: Chromium hides host addresses behind mDNS .local names.',
  },
  // The next two need their own network namespace (run as root; see NETNS below).
  'ipv6-only': {
    args: [],
    camera: true,
    note: 'A network with IPv6 addresses only (two veth ends in a network namespace).',
  },
  'many-interfaces': {
    args: [],
    camera: true,
    note: 'Three interfaces, IPv4 and IPv6 each: more candidates than a code carries.',
  },
}
// Shell lines that prepare a new network namespace for a scenario; the script runs itself again
// inside it (`unshare -n`, which needs root).
const NETNS = {
  'ipv6-only':
    'ip link set lo up && ip link add v0 type veth peer name v1 && ip link set v0 up && ' +
    'ip link set v1 up && ip -6 addr add fd00:77::5/64 dev v0 nodad && ' +
    'ip -6 addr add fd00:77::6/64 dev v1 nodad && ip -6 route add default dev v0',
  'many-interfaces':
    'ip link set lo up && ip link add v0 type veth peer name v1 && ' +
    'ip link add w0 type veth peer name w1 && ' +
    'for d in v0 v1 w0; do ip link set $d up; done && ' +
    'ip addr add 10.7.0.5/24 dev v0 && ip addr add 10.7.0.6/24 dev v1 && ' +
    'ip addr add 192.168.43.9/24 dev w0 && ip -6 addr add fd00:77::5/64 dev v0 nodad && ' +
    'ip -6 addr add fd00:77::6/64 dev v1 nodad && ip -6 addr add fd00:78::9/64 dev w0 nodad && ' +
    'ip route add default dev v0 && ip -6 route add default dev v0',
}

const wanted = process.argv.slice(2)
for (const [name, scenario] of Object.entries(scenarios)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue
  if (name in NETNS && process.env.CAPTURE_IN_NETNS !== name) {
    const script = `${NETNS[name]} && CAPTURE_IN_NETNS=${name} node ${process.argv[1]} ${name}`
    const run = spawnSync('unshare', ['-n', 'sh', '-c', script], { stdio: 'inherit' })
    if (run.status !== 0) console.error(`${name}: not captured (needs root for unshare -n)`)
  } else await capture(name, scenario)
}
