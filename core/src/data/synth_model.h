#pragma once
// What a synthetic face is made of: identity traits (fixed per person) and image factors
// (varied per image). Internal to core/src/data; OpenCV types are fine here.
#include "synth_random.h"

#include <opencv2/core.hpp>

#include <string>

namespace fb::synth {

using Color = cv::Vec3f; // BGR, 0..255

enum class Yaw { Frontal, ThreeQuarter, Profile };
enum class Age { Young, Mature };
enum class Quality { High, Middle, Low };
enum class Disguise { None, Glasses, Hat, Scarf, Beard };
enum class Expression { Neutral, Smile, Open };
enum class HairStyle { Bald, Short, Medium, Long, Fringe };

const char* yawName(Yaw yaw);
const char* ageName(Age age);
const char* qualityName(Quality quality);
const char* disguiseName(Disguise disguise);
const char* expressionName(Expression expression);

// Head-space units: the face half-width is about 1; y grows downwards, z towards the viewer.
struct IdentityTraits {
    double faceWidth = 1.0;  // half-width a of the head ellipsoid
    double faceHeight = 1.3; // half-height b
    double jaw = 0.15;       // 0 round .. 0.4 pointed chin
    Color skin;
    HairStyle hairStyle = HairStyle::Short;
    Color hair;
    double hairline = -0.55; // head-space y of the hairline at the centre, in units of b
    double hairVolume = 0.12;
    double eyeSpacing = 0.38, eyeY = -0.08, eyeWidth = 0.2, eyeOpen = 0.45, eyeSlant = 0.0;
    Color iris;
    double browThickness = 0.06, browArch = 0.05, browGap = 0.15, browLength = 0.28;
    double noseY = 0.3, noseWidth = 0.14, noseLength = 0.3;
    double mouthY = 0.6, mouthWidth = 0.3, lipThickness = 0.06;
    Color lips;
    double earSize = 0.22;
    // Accessories that belong to the person, not to the image.
    bool clearGlasses = false;
    bool moustache = false;
    bool beard = false;
    bool earrings = false;
    bool mole = false;
    double moleX = 0.3, moleY = 0.3;
    Color accessory;
};

struct ImageFactors {
    Yaw yaw = Yaw::Frontal;
    double yawDeg = 0.0; // signed: > 0 turns the face to the image's right
    Age age = Age::Young;
    Quality quality = Quality::High;
    Disguise disguise = Disguise::None;
    Expression expression = Expression::Neutral;
    double lightAzimuth = 0.0, lightElevation = 0.3, lightIntensity = 0.8, ambient = 0.35;
    Color lightTint{1, 1, 1};
    int background = 0;
    Color background1, background2;
    Color clothes, disguiseColor;
    double dx = 0, dy = 0, scale = 1, roll = 0; // shift (fraction of the crop), scale, degrees
    std::uint64_t textureSeed = 0;
};

IdentityTraits sampleIdentity(Rng& rng);
// A look-alike (DFW's impersonators): same face shape, skin, hair and accessories, different
// eyes, brows, nose and mouth: a hard negative, not a copy.
IdentityTraits makeLookalike(const IdentityTraits& person, Rng& rng);
// Per-image nuisance: illumination, expression, background, clothes, shifts; the protocol
// factors (yaw bin, age, quality, disguise) are set by the caller.
ImageFactors sampleNuisance(Rng& rng);
double sampleYawDeg(Yaw yaw, Rng& rng);

} // namespace fb::synth
