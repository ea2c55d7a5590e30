// JS peer of bench/tokenizer_bench.cpp: tokenizes the same documents with Hugging Face's
// JavaScript tokenizer (@huggingface/tokenizers) and reports its time and ids.
//
// usage: node tokenizer_peer.mjs TOKENIZER_JSON CONFIG_JSON|- DOCS_JSON PASSES IDS_OUT
//   DOCS_JSON: a JSON array of strings. Prints one JSON line: {load_s, pass_s: [...], tokens}.
//   IDS_OUT: the ids of every document from the last pass, one line per document.
import { Tokenizer } from "@huggingface/tokenizers";
import fs from "node:fs";

const [tokenizerPath, configPath, docsPath, passesArg, idsOut] = process.argv.slice(2);
if (!idsOut) {
    console.error("usage: node tokenizer_peer.mjs TOKENIZER_JSON CONFIG_JSON|- DOCS_JSON PASSES IDS_OUT");
    process.exit(2);
}
const docs = JSON.parse(fs.readFileSync(docsPath, "utf8"));

let t0 = process.hrtime.bigint();
const tokenizerJson = JSON.parse(fs.readFileSync(tokenizerPath, "utf8"));
const config = configPath === "-" ? {} : JSON.parse(fs.readFileSync(configPath, "utf8"));
const tokenizer = new Tokenizer(tokenizerJson, config);
const loadSeconds = Number(process.hrtime.bigint() - t0) / 1e9;

const passSeconds = [];
let last = [];
let tokens = 0;
for (let pass = 0; pass < Number(passesArg); ++pass) {
    const out = new Array(docs.length);
    t0 = process.hrtime.bigint();
    for (let i = 0; i < docs.length; ++i) out[i] = tokenizer.encode(docs[i], { add_special_tokens: false }).ids;
    passSeconds.push(Number(process.hrtime.bigint() - t0) / 1e9);
    last = out;
}
tokens = last.reduce((n, ids) => n + ids.length, 0);
fs.writeFileSync(idsOut, last.map((ids) => ids.join(" ")).join("\n") + "\n");
console.log(JSON.stringify({ load_s: loadSeconds, pass_s: passSeconds, tokens }));
