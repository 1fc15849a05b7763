// wink-eng-lite-web-model, loaded for what dyad asks of wink (tokens, POS, lemmas). The
// package's model object is used as it is, but for two parts: its core loader, which for each
// analyser deep-copies the whole 3 MB core model (JSON.stringify + JSON.parse) and decodes the
// lexicon a character at a time, and the sentiment and entity automata, which dyad never runs
// and wink would compile. Here each analyser copies only the parts of the core model that wink
// writes to (it grows them with the words it meets, so analysers must not share them) and the
// lexicon is decoded natively: about 30 ms less CPU per analyser. Plain module imports, no
// file system, so the core stays pure; a test checks this model tags as the package's does.

import packageModel from "wink-eng-lite-web-model";
// (the package has already required this file; Node hands the ESM import the same parsed object)
import coreJson from "wink-eng-lite-web-model/dist/languages/cur/models/eng-core-web-model.json" with { type: "json" };

/** An automaton that recognises nothing (wink's empty-model JSON), for the pipes dyad leaves off. */
const EMPTY_MACHINE = '[100,0,{"0":{}},{},{},{}]';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Each base64 character's six bits, by character code (255: not base64). */
const BASE64 = (() => {
  const table = new Uint8Array(256).fill(255);
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  for (let i = 0; i < alphabet.length; i++) table[alphabet.charCodeAt(i)] = i;
  return table;
})();

/** Node's native base64 decoder where there is one (about ten times faster than the table). */
const nativeBuffer = (globalThis as { Buffer?: { from(data: string, encoding: "base64"): Uint8Array } }).Buffer;

/** A packed Uint32 array the model stores as base64 (little-endian, as the package reads it). */
export function uint32FromBase64(data: string): Uint32Array {
  if (nativeBuffer) {
    // (copied into a fresh, aligned buffer: Buffer.from may hand out a slice of a shared pool)
    const decoded = nativeBuffer.from(data, "base64");
    const out = new Uint32Array(decoded.length >>> 2);
    new Uint8Array(out.buffer).set(decoded.subarray(0, out.length * 4));
    return out;
  }
  return uint32FromBase64Table(data);
}

/** uint32FromBase64 in plain JavaScript, for runtimes without Buffer. */
export function uint32FromBase64Table(data: string): Uint32Array {
  let end = data.length;
  while (end > 0 && data.charCodeAt(end - 1) === 61) end--; // '=' padding
  const bytes = new Uint8Array((end * 3) >>> 2);
  let o = 0;
  let i = 0;
  for (; i + 4 <= end; i += 4) {
    const n = (BASE64[data.charCodeAt(i)]! << 18) | (BASE64[data.charCodeAt(i + 1)]! << 12) | (BASE64[data.charCodeAt(i + 2)]! << 6) | BASE64[data.charCodeAt(i + 3)]!;
    bytes[o++] = n >>> 16;
    bytes[o++] = (n >>> 8) & 255;
    bytes[o++] = n & 255;
  }
  if (end - i >= 2) {
    const n = (BASE64[data.charCodeAt(i)]! << 18) | (BASE64[data.charCodeAt(i + 1)]! << 12) | (end - i === 3 ? BASE64[data.charCodeAt(i + 2)]! << 6 : 0);
    bytes[o++] = n >>> 16;
    if (end - i === 3) bytes[o++] = (n >>> 8) & 255;
  }
  return new Uint32Array(bytes.buffer, 0, bytes.length >>> 2);
}

/** The core model (lexicon, features, token categories), as the package's core loader leaves it. */
function coreModel(): Json {
  // wink writes to the features (the words it meets) and the packing; the rest it only reads
  const source = coreJson as Json;
  const model: Json = { ...source, features: structuredClone(source.features), packing: structuredClone(source.packing) };
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
  Object.assign(model, packageModel);
  model.core = coreModel;
  model.ner = () => ({ machines: [], transformers: [] });
  model.sa = () => ({ machines: [EMPTY_MACHINE], setter: () => undefined });
  return model;
}
