// face-api's own descriptors, the reference for FaceBench's face-api-resnet: @vladmandic/face-api
// (the node-wasm build, which takes @tensorflow/tfjs from the same node_modules) on tfjs's CPU
// backend; the weights decoded by tfjs's own io.decodeWeights from the manifest and .bin.
//
//   node face_api_reference.cjs MODEL_DIR PIXELS.npy OUT.npy
//
// PIXELS.npy: N x H x W x 3 float32 RGB pixel values 0-255 (face crops); each goes through
// FaceRecognitionNet.computeFaceDescriptor as a tf.Tensor3D, so face-api does its own
// pre-processing (pad to square, resize to 150, mean subtraction, / 255). OUT.npy: N x 128.
const fs = require('fs');
const path = require('path');
const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js');

function readNpy(file) {
    const bytes = fs.readFileSync(file);
    const headerLength = bytes.readUInt16LE(8);
    const header = bytes.toString('latin1', 10, 10 + headerLength);
    if (!header.includes("'descr': '<f4'") || header.includes("'fortran_order': True"))
        throw new Error(`${file}: expected little-endian float32 in C order`);
    const shape = header.match(/'shape': \(([^)]*)\)/)[1].split(',').filter((s) => s.trim()).map(Number);
    const start = 10 + headerLength;
    const values = new Float32Array(bytes.buffer.slice(bytes.byteOffset + start, bytes.byteOffset + bytes.length));
    return { shape, values };
}

function writeNpy(file, rows) {
    const n = rows.length, d = rows[0].length;
    let header = `{'descr': '<f4', 'fortran_order': False, 'shape': (${n}, ${d}), }`;
    header += ' '.repeat(63 - ((10 + header.length) % 64)) + '\n';
    const head = Buffer.alloc(10);
    head.write('\x93NUMPY', 0, 'latin1');
    head.writeUInt8(1, 6);
    head.writeUInt8(0, 7);
    head.writeUInt16LE(header.length, 8);
    const data = Buffer.alloc(4 * n * d);
    rows.forEach((row, i) => row.forEach((v, j) => data.writeFloatLE(v, 4 * (i * d + j))));
    fs.writeFileSync(file, Buffer.concat([head, Buffer.from(header, 'latin1'), data]));
}

async function main() {
    const [modelDir, input, output] = process.argv.slice(2);
    const tf = faceapi.tf;
    await tf.setBackend('cpu');
    await tf.ready();
    const manifest = JSON.parse(fs.readFileSync(path.join(modelDir, 'face_recognition_model-weights_manifest.json')));
    const chunks = manifest[0].paths.map((p) => fs.readFileSync(path.join(modelDir, p)));
    const bin = Buffer.concat(chunks);
    const weights = tf.io.decodeWeights(bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.length), manifest[0].weights);
    faceapi.nets.faceRecognitionNet.loadFromWeightMap(weights);
    const { shape, values } = readNpy(input);
    const [n, h, w] = shape;
    const rows = [];
    for (let i = 0; i < n; ++i) {
        const image = tf.tensor3d(values.subarray(i * h * w * 3, (i + 1) * h * w * 3), [h, w, 3], 'float32');
        rows.push(Array.from(await faceapi.nets.faceRecognitionNet.computeFaceDescriptor(image)));
        image.dispose();
    }
    writeNpy(output, rows);
    console.log(`${output}: ${n} x ${rows[0].length}, backend ${tf.getBackend()}, tfjs ${tf.version_core}`);
}

main().catch((error) => { console.error(error.message || error); process.exit(2); });
