#!/usr/bin/python3
"""Real-photo checks of the pretrained face recognisers (tests/test_pretrained_references.cpp).

  prepare PHOTOS_DIR OUT_DIR       one folder per face of tests/data/real-faces (face_k/photo.jpg,
                                   a link to its photo) and boxes.csv for `crop --detector boxes:`
  variants CROPS_DIR OUT_DIR SIZE  from wide crops (`crop --enlarge 0.25`), each face's window
                                   with the default 15% margin at SIZE x SIZE (PIL bilinear) as
                                   orig.png, and mild changes: flip, the window 5% shifted or 5%
                                   larger, blur, brightness; writes list.txt and pixels.npy
                                   (N x S x S x 3, RGB 0-255 float32) in list order
  normalise PIXELS.npy MEAN STD OUT.npy   (x - MEAN) / STD, NHWC float32
  compare A.npy B.npy MIN_COSINE   rowwise cosine; fails when one is below MIN_COSINE
  score LIST FEATURES.npy MIN_AUC  genuine pairs (a face's original with each change) against
                                   impostor pairs (originals of different faces): cosine ranges,
                                   whether they separate, ROC AUC; fails when AUC < MIN_AUC
"""
import csv
import shutil
import os
import sys

import numpy as np
from PIL import Image, ImageEnhance, ImageFilter

CHANGES = ['orig', 'flip', 'shift', 'scale', 'blur', 'bright']


def prepare(photos, out):
    with open(os.path.join(photos, 'reference_boxes.csv')) as f:
        rows = [r for r in csv.reader(line for line in f if not line.startswith('#'))][1:]
    lines = ['image,x,y,w,h']
    for k, (image, x1, y1, x2, y2, _hard) in enumerate(rows):
        folder = os.path.join(out, 'face_%d' % k)
        os.makedirs(folder, exist_ok=True)
        link = os.path.join(folder, 'photo.jpg')
        if not os.path.exists(link):
            shutil.copyfile(os.path.join(photos, image), link)
        x1, y1, x2, y2 = map(int, (x1, y1, x2, y2))
        lines.append('face_%d/photo.jpg,%d,%d,%d,%d' % (k, x1, y1, x2 - x1, y2 - y1))
    with open(os.path.join(out, 'boxes.csv'), 'w') as f:
        f.write('\n'.join(lines) + '\n')


def window(image, change):
    """The face's window in the wider crop (`crop --enlarge 0.25`: the box and 25% on each side):
    the 15% margin of the default crop, moved 5% right and down, or 5% larger."""
    s = image.size[0]
    w = s * 1.3 / 1.5
    x = y = (s - w) / 2
    if change == 'shift':
        x, y = x + 0.05 * w, y + 0.05 * w
    if change == 'scale':
        x, y, w = x - 0.025 * w, y - 0.025 * w, 1.05 * w
    return image.crop((round(x), round(y), round(x + w), round(y + w)))


def changed(wide, change, size):
    image = window(wide, change).resize((size, size), Image.BILINEAR)
    if change == 'flip':
        return image.transpose(Image.FLIP_LEFT_RIGHT)
    if change == 'blur':
        return image.filter(ImageFilter.GaussianBlur(1.0))
    if change == 'bright':
        return ImageEnhance.Brightness(image).enhance(1.2)
    return image


def variants(crops, out, size):
    size = int(size)
    os.makedirs(out, exist_ok=True)
    names, pixels = [], []
    faces = [n for n in os.listdir(crops) if n.startswith('face_')]
    for face in sorted(faces, key=lambda n: int(n.split('_')[1])):
        files = [n for n in os.listdir(os.path.join(crops, face)) if not n.startswith('.')]
        wide = Image.open(os.path.join(crops, face, files[0])).convert('RGB')
        for change in CHANGES:
            name = '%s_%s.png' % (face, change)
            picture = changed(wide, change, size)
            picture.save(os.path.join(out, name))
            names.append(name)
            pixels.append(np.asarray(picture, dtype=np.float32))
    with open(os.path.join(out, 'list.txt'), 'w') as f:
        f.write('\n'.join(names) + '\n')
    np.save(os.path.join(out, 'pixels.npy'), np.stack(pixels))


def normalise(source, mean, std, target):
    np.save(target, ((np.load(source) - float(mean)) / float(std)).astype(np.float32))


def unit(x):
    return x / np.linalg.norm(x, axis=1, keepdims=True)


def compare(a, b, minimum):
    cos = np.sum(unit(np.load(a).astype(np.float64)) * unit(np.load(b).astype(np.float64)), axis=1)
    print('cosine with the reference: min %.7f over %d images' % (cos.min(), len(cos)))
    sys.exit(0 if cos.min() > float(minimum) else 1)


def score(listing, features, min_auc):
    names = [line.strip() for line in open(listing) if line.strip()]
    f = unit(np.load(features).astype(np.float64))
    face = [n.rsplit('_', 1)[0] for n in names]
    orig = {face[i]: i for i, n in enumerate(names) if n.endswith('_orig.png')}
    genuine = [f[orig[face[i]]] @ f[i] for i, n in enumerate(names) if not n.endswith('_orig.png')]
    keys = sorted(orig)
    impostor = [f[orig[a]] @ f[orig[b]] for i, a in enumerate(keys) for b in keys[i + 1:]]
    g, m = np.array(genuine), np.array(impostor)
    auc = float(np.mean(g[:, None] > m[None, :]) + 0.5 * np.mean(g[:, None] == m[None, :]))
    print('genuine %d pairs [%.4f, %.4f]  impostor %d pairs [%.4f, %.4f]  %s  AUC %.4f'
          % (len(g), g.min(), g.max(), len(m), m.min(), m.max(),
             'separated' if g.min() > m.max() else 'overlapping', auc))
    sys.exit(0 if auc >= float(min_auc) else 1)


if __name__ == '__main__':
    command, args = sys.argv[1], sys.argv[2:]
    {'prepare': prepare, 'variants': variants, 'normalise': normalise, 'compare': compare,
     'score': score}[command](*args)
