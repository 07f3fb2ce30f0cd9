/**
 * How much one space may hold, so that content nobody sees cannot be stored, relayed to every
 * phone and slow every read (enforced on what arrives by sync/space-rules.ts).
 *
 * Why these figures. The 40 example groups with their people encode to 37 KB, about 1 KB a
 * group; a large network of 1,000 groups, 500 meetings with long notes and 20,000 skill
 * entries and exchanges comes to about 4 MB. SPACE_BUDGET_BYTES (8 MB) is twice that. A root of
 * 20,000 entries (MAX_ROOT_KEYS, 20 times such a network's groups) reads in about 0.15 s on a
 * desktop and under 1 s on a cheap phone; the hostile file of 200,000 entries that prompted
 * this took 1.4 s on a desktop and 5–7 s on a phone.
 */
export const SPACE_BUDGET_BYTES = 8 * 1024 * 1024
export const MAX_ROOT_KEYS = 20_000
