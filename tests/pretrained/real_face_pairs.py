#!/usr/bin/python3
"""Real-photo checks of the pretrained face recognisers (tests/test_pretrained_references.cpp).

  prepare PHOTOS_DIR OUT_DIR       one folder per face of tests/data/real-faces (face_k/photo.jpg,
                                   a copy of its photo) and boxes.csv for `crop --detector boxes:`
  prepare-aligned PHOTOS_DIR OUT_DIR DETECTIONS.json
                                   the same with the landmarks of `detect --json` (the face whose
                                   box overlaps the reference box most) in boxes.csv, and the
                                   folders face_k_shift and face_k_scale whose landmarks are moved
                                   (5% of the box + 15% margin right and down) or spread (5%
                                   about their mean), so that `crop --align` cuts the shifted
                                   and scaled views itself
  variants CROPS_DIR OUT_DIR SIZE  from wide crops (`crop --enlarge 0.25`), each face's window
                                   with the default 15% margin at SIZE x SIZE (PIL bilinear) as
                                   orig.png, and mild changes: flip, the window 5% shifted or 5%
                                   larger, blur, brightness; writes list.txt and pixels.npy
                                   (N x S x S x 3, RGB 0-255 float32) in list order
  variants-aligned CROPS_DIR OUT_DIR   the same from aligned crops (prepare-aligned, then
                                   `crop --align`): orig, shift and scale as cropped, flip, blur
                                   and brightness of orig
  normalise PIXELS.npy MEAN STD OUT.npy   (x - MEAN) / STD, NHWC float32
  compare A.npy B.npy MIN_COSINE   rowwise cosine; fails when one is below MIN_COSINE
  score LIST FEATURES.npy PHOTOS_DIR MIN_AUC [MIN_MARGIN]
                                   genuine pairs (a face's original with each change) against
                                   impostor pairs (originals of different faces): cosine ranges
                                   and ROC AUC over all 36 impostor pairs, and over the 9 pairs of
                                   faces in the same photo, certainly different people (across
                                   photos one woman seems to appear twice: sample1's right face
                                   and sample3's middle one), with the margin (lowest genuine
                                   minus highest same-photo impostor); fails when the AUC over all
                                   pairs is below MIN_AUC or, given MIN_MARGIN, when the margin is
                                   not above it
"""
import csv
import json
import shutil
import os
import sys

import numpy as np
from PIL import Image, ImageEnhance, ImageFilter

CHANGES = ['orig', 'flip', 'shift', 'scale', 'blur', 'bright']


def reference_rows(photos):
    """Rows of reference_boxes.csv (image, x1, y1, x2, y2, hard): face_k is row k."""
    with open(os.path.join(photos, 'reference_boxes.csv')) as f:
        return [r for r in csv.reader(line for line in f if not line.startswith('#'))][1:]


def prepare(photos, out):
    lines = ['image,x,y,w,h']
    for k, (image, x1, y1, x2, y2, _hard) in enumerate(reference_rows(photos)):
        folder = os.path.join(out, 'face_%d' % k)
        os.makedirs(folder, exist_ok=True)
        link = os.path.join(folder, 'photo.jpg')
        if not os.path.exists(link):
            shutil.copyfile(os.path.join(photos, image), link)
        x1, y1, x2, y2 = map(int, (x1, y1, x2, y2))
        lines.append('face_%d/photo.jpg,%d,%d,%d,%d' % (k, x1, y1, x2 - x1, y2 - y1))
    with open(os.path.join(out, 'boxes.csv'), 'w') as f:
        f.write('\n'.join(lines) + '\n')


def iou(a, b):
    w = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    h = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - w * h
    return w * h / union


def prepare_aligned(photos, out, detections):
    prepare(photos, out)
    found = {os.path.basename(entry['image']): entry.get('faces', [])
             for entry in json.load(open(detections))['images']}
    lines = ['image,x,y,w,h,' + ','.join('p%d_%s' % (k, c) for k in range(1, 6) for c in 'xy')]
    for k, (image, x1, y1, x2, y2, _hard) in enumerate(reference_rows(photos)):
        x, y, w, h = float(x1), float(y1), float(x2) - float(x1), float(y2) - float(y1)
        face = 'face_%d' % k
        reference = [x, y, x + w, y + h]
        best = max(found[image], key=lambda f: iou(f['box'], reference), default=None)
        if best is None or iou(best['box'], reference) < 0.5:
            sys.exit('%s: no detected face overlaps the reference box %s' % (image, reference))
        points = np.array(best['landmarks'], dtype=np.float64)
        step = 0.05 * 1.3 * w  # 5% of the default crop's window, as in window() below
        centre = points.mean(axis=0)
        for suffix, moved in (('', points), ('_shift', points - step),
                              ('_scale', centre + 1.05 * (points - centre))):
            folder = face + suffix
            os.makedirs(os.path.join(out, folder), exist_ok=True)
            target = os.path.join(out, folder, 'photo.jpg')
            if not os.path.exists(target):
                shutil.copyfile(os.path.join(photos, image), target)
            lines.append('%s/photo.jpg,%g,%g,%g,%g,%s' % (folder, x, y, w, h, ','.join(
                '%.4f' % v for v in moved.reshape(-1))))
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


def faces_in(crops):
    faces = [n for n in os.listdir(crops) if n.startswith('face_') and n.count('_') == 1]
    return sorted(faces, key=lambda n: int(n.split('_')[1]))


def crop_of(crops, folder):
    files = [n for n in os.listdir(os.path.join(crops, folder)) if not n.startswith('.')]
    return Image.open(os.path.join(crops, folder, files[0])).convert('RGB')


def variants(crops, out, size):
    size = int(size)
    pictures = {}
    for face in faces_in(crops):
        wide = crop_of(crops, face)
        for change in CHANGES:
            pictures['%s_%s.png' % (face, change)] = changed(wide, change, size)
    write_variants(pictures, out)


def variants_aligned(crops, out):
    pictures = {}
    for face in faces_in(crops):
        orig = crop_of(crops, face)
        for change in CHANGES:
            if change in ('shift', 'scale'):
                picture = crop_of(crops, face + '_' + change)
            elif change == 'flip':
                picture = orig.transpose(Image.FLIP_LEFT_RIGHT)
            elif change == 'blur':
                picture = orig.filter(ImageFilter.GaussianBlur(1.0))
            elif change == 'bright':
                picture = ImageEnhance.Brightness(orig).enhance(1.2)
            else:
                picture = orig
            pictures['%s_%s.png' % (face, change)] = picture
    write_variants(pictures, out)


def write_variants(pictures, out):
    """pictures: name -> image, in list order."""
    os.makedirs(out, exist_ok=True)
    names, pixels = [], []
    for name, picture in pictures.items():
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


def score(listing, features, photos, min_auc, min_margin=None):
    names = [line.strip() for line in open(listing) if line.strip()]
    f = unit(np.load(features).astype(np.float64))
    face = [n.rsplit('_', 1)[0] for n in names]
    orig = {face[i]: i for i, n in enumerate(names) if n.endswith('_orig.png')}
    genuine = [f[orig[face[i]]] @ f[i] for i, n in enumerate(names) if not n.endswith('_orig.png')]
    photo = {'face_%d' % k: row[0] for k, row in enumerate(reference_rows(photos))}
    keys = sorted(orig)
    pairs = [(a, b) for i, a in enumerate(keys) for b in keys[i + 1:]]
    g = np.array(genuine)

    def against(selected):
        m = np.array([f[orig[a]] @ f[orig[b]] for a, b in selected])
        auc = float(np.mean(g[:, None] > m[None, :]) + 0.5 * np.mean(g[:, None] == m[None, :]))
        return m, auc

    every, auc = against(pairs)
    same, same_auc = against([(a, b) for a, b in pairs if photo[a] == photo[b]])
    margin = g.min() - same.max()
    print('genuine %d pairs [%.4f, %.4f]; impostor: all %d pairs [%.4f, %.4f] AUC %.4f, '
          'same photo %d pairs [%.4f, %.4f] AUC %.4f, %s by %.4f'
          % (len(g), g.min(), g.max(), len(every), every.min(), every.max(), auc, len(same),
             same.min(), same.max(), same_auc, 'separated' if margin > 0 else 'overlapping',
             abs(margin)))
    separated = min_margin is None or margin > float(min_margin)
    sys.exit(0 if auc >= float(min_auc) and separated else 1)


if __name__ == '__main__':
    command, args = sys.argv[1], sys.argv[2:]
    {'prepare': prepare, 'prepare-aligned': prepare_aligned, 'variants': variants,
     'variants-aligned': variants_aligned, 'normalise': normalise, 'compare': compare,
     'score': score}[command](*args)
