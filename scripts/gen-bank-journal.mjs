#!/usr/bin/env node
// A deterministic, realistic bank journal with noisy bank-style descriptions,
// for the prediction benchmark (scripts/bench-predict.mjs): a checking account
// and a credit card, ~40 merchants with card/SEPA prefixes, store numbers,
// references and card-date suffixes, a merchant whose category depends on the
// amount, salary, rent and transfers, and a category renamed part-way through.
//
// Usage: node scripts/gen-bank-journal.mjs [--txns 5000] [--seed 7] > bank.journal
const args = process.argv.slice(2)
const opt = (n, d) => { const i = args.indexOf(n); return i >= 0 ? args[i + 1] : d }
const count = Number(opt('--txns', 5000))
let state = Number(opt('--seed', 7)) >>> 0
const rand = () => { state = (state + 0x6d2b79f5) >>> 0; let t = state; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296 }
const pick = (xs) => xs[Math.floor(rand() * xs.length)]
const digits = (n) => Array.from({ length: n }, () => Math.floor(rand() * 10)).join('')
const cities = ['HAMBURG', 'BERLIN', 'MUENCHEN', 'KOELN', 'LEIPZIG']
const merchants = [
  ['REWE SAGT DANKE', 'Expenses:Groceries', [8, 90], 'card'], ['EDEKA CENTER', 'Expenses:Groceries', [5, 70], 'card'], ['LIDL DIENSTL', 'Expenses:Groceries', [4, 60], 'card'],
  ['ALDI NORD', 'Expenses:Groceries', [4, 50], 'card'], ['DM DROGERIE MARKT', 'Expenses:Household', [3, 40], 'card'], ['ROSSMANN', 'Expenses:Household', [3, 35], 'card'],
  ['IKEA DEUTSCHLAND', 'Expenses:Household', [20, 400], 'card'], ['SHELL DEUTSCHLAND', 'Expenses:Car:Fuel', [30, 90], 'card'], ['ARAL STATION', 'Expenses:Car:Fuel', [30, 90], 'card'],
  ['DB VERTRIEB GMBH', 'Expenses:Travel', [15, 160], 'cc'], ['LUFTHANSA', 'Expenses:Travel', [90, 700], 'cc'], ['BOOKING.COM', 'Expenses:Travel', [60, 500], 'cc'],
  ['NETFLIX.COM', 'Expenses:Subscriptions', [13, 18], 'cc'], ['SPOTIFY AB', 'Expenses:Subscriptions', [10, 11], 'cc'], ['APPLE.COM/BILL', 'Expenses:Subscriptions', [1, 15], 'cc'],
  ['STADTWERKE HAMBURG', 'Expenses:Utilities', [60, 120], 'sepa'], ['VATTENFALL EUROPE', 'Expenses:Utilities', [40, 110], 'sepa'], ['TELEKOM DEUTSCHLAND', 'Expenses:Phone', [30, 60], 'sepa'],
  ['VODAFONE GMBH', 'Expenses:Phone', [20, 40], 'sepa'], ['ALLIANZ VERSICHERUNG', 'Expenses:Insurance', [20, 90], 'sepa'], ['TK TECHNIKER KRANKENKASSE', 'Expenses:Insurance', [100, 200], 'sepa'],
  ['APOTHEKE AM MARKT', 'Expenses:Health', [5, 60], 'card'], ['DR MED MUELLER', 'Expenses:Health', [20, 150], 'sepa'], ['MCDONALDS', 'Expenses:Dining', [5, 20], 'card'],
  ['BURGER KING', 'Expenses:Dining', [6, 25], 'card'], ['RESTAURANT DA LUIGI', 'Expenses:Dining', [25, 110], 'card'], ['STARBUCKS', 'Expenses:Dining', [3, 12], 'card'],
  ['THALIA BUCHHANDLUNG', 'Expenses:Books', [8, 60], 'card'], ['MEDIAMARKT', 'Expenses:Electronics', [20, 900], 'card'], ['SATURN ELECTRO', 'Expenses:Electronics', [20, 700], 'card'],
  ['ZALANDO SE', 'Expenses:Clothing', [20, 200], 'cc'], ['H+M', 'Expenses:Clothing', [10, 90], 'card'], ['FITNESSSTUDIO MCFIT', 'Expenses:Sport', [25, 30], 'sepa'],
  ['KINO CINEMAXX', 'Expenses:Entertainment', [10, 40], 'card'], ['STEAM GAMES', 'Expenses:Entertainment', [5, 60], 'cc'], ['HVV HAMBURG', 'Expenses:Transport', [3, 90], 'card'],
]
const lines = []
let day = Date.UTC(2018, 0, 1)
const iso = (t) => new Date(t).toISOString().slice(0, 10)
const yymmdd = (t) => iso(t).slice(2)
const renameAt = Math.floor(count * 0.6)
for (let i = 0; i < count; i++) {
  day += Math.floor(rand() * 2) * 86_400_000
  const date = iso(day)
  const r = rand()
  let desc, account, amount, source = 'Assets:Checking'
  if (r < 0.03) { desc = `GEHALT ACME GMBH ${pick(['LOHN', 'GEHALT'])} ${date.slice(0, 7)} REF ${digits(10)}`; account = 'Income:Salary'; amount = 3100 + Math.floor(rand() * 400) }
  else if (r < 0.06) { desc = `MIETE WOHNUNG ${date.slice(5, 7)}/${date.slice(0, 4)} HAUSVERWALTUNG NORD`; account = 'Expenses:Rent'; amount = -1150 }
  else if (r < 0.08) { desc = `UEBERTRAG AUF SPARKONTO ${digits(6)}`; account = 'Assets:Savings'; amount = -(100 * (1 + Math.floor(rand() * 5))) }
  else if (r < 0.13) {
    // the same merchant, two categories: books below 40, electronics above
    const big = rand() < 0.5
    desc = `AMAZON EU S.A R.L. ${pick(['AMZN MKTP', 'AMAZON.DE'])} ${digits(3)}-${digits(7)}`
    account = big ? 'Expenses:Electronics' : 'Expenses:Books'
    amount = -(big ? 60 + Math.floor(rand() * 500) : 5 + Math.floor(rand() * 30)) - Math.floor(rand() * 100) / 100
    source = rand() < 0.5 ? 'Liabilities:CreditCard' : 'Assets:Checking'
  } else {
    const [name, cat, [lo, hi], kind] = pick(merchants)
    account = cat
    amount = -(lo + Math.floor(rand() * (hi - lo) * 100) / 100)
    if (kind === 'cc') source = 'Liabilities:CreditCard'
    desc = kind === 'card' ? `${pick(['KARTENZAHLUNG', 'POS', 'GIROCARD'])} ${name} ${pick(['', 'FIL. ', 'NR '])}${digits(4)} ${pick(cities)}/${yymmdd(day - 86_400_000)}`.replace(/\s+/g, ' ')
      : kind === 'cc' ? `${name} ${pick(['', 'ONLINE ', ''])}${digits(2)}${pick(['', ' EUR'])}`.replace(/\s+/g, ' ')
        : `SEPA LASTSCHRIFT ${name} KDNR ${digits(8)} MANDAT ${digits(5)}`
  }
  if (i >= renameAt && account === 'Expenses:Groceries') account = 'Expenses:Food:Groceries'
  const fixed = (x) => x.toFixed(2)
  lines.push(`${date} ${desc}\n    ${account}  ${fixed(-amount)} EUR\n    ${source}\n`)
}
process.stdout.write(lines.join('\n'))
