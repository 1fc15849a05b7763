// wink-eng-lite-web-model, loaded for what dyad asks of wink (tokens, POS, lemmas) and
// faster. The package's own entry point costs about 170 ms of every cold start: importing it
// parses every model it ships (sentiment and wink's own entity recogniser included, which
// dyad never runs), and each analyser then deep-copies the 3 MB core model
// (JSON.stringify + JSON.parse) and decodes its lexicon a character at a time. Here the core
// model's JSON is parsed fresh for each analyser (wink grows it with the words it meets, so
// analysers must not share it), its packed arrays are decoded natively, and the automata
// dyad does not run are empty. The files are the package's, read through its own paths; the
// version is pinned by the lockfile, and a test checks this model tags as the package's does.

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const DIST = "wink-eng-lite-web-model/dist/";
const MODELS = `${DIST}languages/cur/models/`;

/** An automaton that recognises nothing (wink's empty-model JSON), for the pipes dyad leaves off. */
const EMPTY_MACHINE = '[100,0,{"0":{}},{},{},{}]';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A packed Uint32 array the model stores as base64. */
function uint32FromBase64(data: string): Uint32Array {
  const bytes = Buffer.from(data, "base64");
  // (a fresh, aligned buffer: Buffer.from may hand out a slice of a shared pool)
  const out = new Uint32Array(bytes.length >>> 2);
  new Uint8Array(out.buffer).set(bytes.subarray(0, out.length * 4));
  return out;
}

/** The core model (lexicon, features, token categories), as the package's core loader leaves it. */
function coreModel(): Json {
  const model = JSON.parse(readFileSync(require.resolve(`${MODELS}eng-core-web-model.json`), "utf8")) as Json;
  const packing = model.packing;
  const features = model.features;
  model.lexicon = uint32FromBase64(model.lexicon);
  model.xpansions = uint32FromBase64(model.xpansions);
  // each listed feature gets a value → index table; the lexeme's always
  for (const f in packing.layout) {
    if (packing.layout[f][3] !== 0) continue;
    const list = features[f].list as string[];
    const hash = Object.create(null) as Record<string, number>;
    for (let k = 0; k < list.length; k++) hash[list[k]!] = k;
    features[f].hash = hash;
  }
  {
    const list = features.lexeme.list as string[];
    const hash = Object.create(null) as Record<string, number>;
    for (let k = 0; k < list.length; k++) hash[list[k]!] = k;
    features.lexeme.hash = hash;
  }
  // POS clusters: "NOUN_VERB" → the set of those tags' numbers
  const clusters = features.posClusters.list as (string | Set<number>)[];
  for (let k = 0; k < clusters.length; k++) clusters[k] = new Set((clusters[k] as string).split("_").map((e) => model.pos.hash[e] || 0));
  // features that grow as wink meets new words start at their shipped size
  packing.efList = [];
  for (const f in packing.layout) {
    const layout = packing.layout[f];
    if (layout[3] === 0) {
      features[f].intrinsicSize = features[f].list.length;
      features[f].index = features[f].list.length;
      features[f].maxIndex = layout[1] >>> layout[2];
    }
    if (layout[4] === 1) packing.efList.push(f);
  }
  features.lexeme.intrinsicSize = features.lexeme.list.length;
  features.lexeme.index = features.lexeme.list.length;
  return model;
}

/** The model object wink-nlp takes, with its entity and sentiment automata empty. */
export function posModel(): unknown {
  const model = Object.create(null) as Json;
  model.core = coreModel;
  model.sbd = () => ({ machines: require(`${MODELS}eng-sbd-model.json`), setter: require(`${DIST}sbd-setter.js`), transformers: require(`${DIST}sbd-transformers.js`) });
  model.pos = () => ({ machines: require(`${MODELS}eng-pos-model.json`), setter: require(`${DIST}pos-setter.js`), updater: require(`${DIST}pos-updater.js`), transformers: require(`${DIST}pos-transformers.js`) });
  model.negation = () => ({ machines: require(`${MODELS}eng-negation-model.json`), setter: require(`${DIST}negation-setter.js`) });
  model.ner = () => ({ machines: [], transformers: [] });
  model.sa = () => ({ machines: [EMPTY_MACHINE], setter: () => undefined });
  model.metaCER = () => ({ machines: JSON.stringify(require(`${MODELS}eng-cer-meta-model.json`)), transformers: require(`${DIST}cer-transformers.js`) });
  model.featureFn = require(`${DIST}feature.js`);
  model.addons = Object.create(null);
  model.addons.stem = require(`${DIST}porter-stemmer.js`);
  model.addons.lemmatize = require(`${DIST}lemmatize.js`);
  model.addons.readabilityStats = require(`${DIST}readability-stats.js`);
  model.addons.wordVectors = undefined;
  return model;
}
