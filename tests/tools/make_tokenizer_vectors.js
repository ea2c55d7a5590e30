#!/usr/bin/env node
// Records the token ids (and the decoded text) that Hugging Face's Rust `tokenizers` gives
// for every text of tests/fixtures/tokenizers/texts.json, for every tokenizer the fixtures
// README lists, into tests/fixtures/tokenizers/<name>/expected.json. The C++ test
// tests/text/fixture_tokenizers_test.cpp compares Tunebench against those files.
//
//   cd tests/tools/node && npm install    # @anush008/tokenizers, the Node binding of the Rust crate
//   node tests/tools/make_tokenizer_vectors.js
//
// The bare tokenizer.json is used with add_special_tokens false: no BOS from the
// post-processor, so the ids are the text's own (transformers would add BOS per
// tokenizer_config.json's add_bos_token; Tunebench's test checks that separately).
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const zlib = require("node:zlib");
const { Tokenizer } = require("./node/node_modules/@anush008/tokenizers");

const root = path.resolve(__dirname, "..", "..");
const fixtures = path.join(root, "tests/fixtures/tokenizers");
// name -> tokenizer.json (gzip-compressed when it ends in .gz)
const tokenizers = {
    "mistral-spm": path.join(fixtures, "mistral-spm/tokenizer.json.gz"),
    "qwen3": path.join(fixtures, "qwen3/tokenizer.json.gz"),
    "gptoss": path.join(fixtures, "gptoss/tokenizer.json.gz"),
    "deepseek_v3": path.join(fixtures, "deepseek_v3/tokenizer.json.gz"),
    "demo-model": path.join(root, "examples/demo-model/model/tokenizer.json"),
};

function readJsonText(file) {
    const raw = fs.readFileSync(file);
    return file.endsWith(".gz") ? zlib.gunzipSync(raw).toString("utf8") : raw.toString("utf8");
}

async function main() {
    const texts = JSON.parse(fs.readFileSync(path.join(fixtures, "texts.json"), "utf8"));
    const binding = require("./node/node_modules/@anush008/tokenizers/package.json");
    for (const [name, file] of Object.entries(tokenizers)) {
        const tokenizer = Tokenizer.fromString(readJsonText(file));
        const lines = [];
        for (const { name: caseName, text } of texts) {
            const encoding = await tokenizer.encode(text, null, { addSpecialTokens: false });
            const ids = Array.from(encoding.getIds());
            const decoded = await tokenizer.decode(ids, false);
            lines.push(`  {"name": ${JSON.stringify(caseName)}, "ids": ${JSON.stringify(ids)}, ` +
                       `"decoded": ${JSON.stringify(decoded)}}`);
        }
        const out = `{\n "oracle": "${binding.name} ${binding.version} (Hugging Face tokenizers, Rust)",\n` +
                    ` "tokenizer": ${JSON.stringify(path.relative(root, file))},\n` +
                    ` "add_special_tokens": false,\n "cases": [\n${lines.join(",\n")}\n ]\n}\n`;
        fs.mkdirSync(path.join(fixtures, name), { recursive: true });
        fs.writeFileSync(path.join(fixtures, name, "expected.json"), out);
        console.log(`${name}: ${texts.length} texts`);
    }
}

main().catch((e) => {
    console.error(e);
    process.exit(1);
});
