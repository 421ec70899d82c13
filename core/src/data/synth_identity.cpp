// Sampling identities and image factors. Ranges are chosen so that identity survives every
// factor at 112x96 (skin, hair, face shape, feature geometry) while profile views, low quality
// and disguises remove part of it, as pose, quality and disguise do in the seed's test sets.
#include "synth_model.h"

namespace fb::synth {

namespace {

Color mixColor(const Color& a, const Color& b, double t) {
    return a * float(1 - t) + b * float(t);
}

// Skin tones from dark to light along a rough Fitzpatrick-like axis (BGR).
Color sampleSkin(Rng& rng) {
    const Color dark{45, 70, 105}, medium{105, 150, 200}, light{170, 200, 240};
    const double t = rng.uniform();
    Color c = t < 0.5 ? mixColor(dark, medium, t * 2) : mixColor(medium, light, (t - 0.5) * 2);
    const double warm = rng.uniform(-12, 12); // olive .. rosy
    c[0] += float(rng.uniform(-8, 8));
    c[1] += float(warm * 0.5);
    c[2] += float(warm);
    return c;
}

Color sampleHair(Rng& rng) {
    switch (rng.weighted({3, 3, 1.5, 1, 0.7})) {
    case 0:
        return Color(float(rng.uniform(15, 30)), float(rng.uniform(18, 32)),
                     float(rng.uniform(20, 38))); // black
    case 1:
        return Color(float(rng.uniform(25, 45)), float(rng.uniform(45, 70)),
                     float(rng.uniform(70, 100))); // brown
    case 2:
        return Color(float(rng.uniform(70, 110)), float(rng.uniform(150, 185)),
                     float(rng.uniform(190, 225))); // blond
    case 3:
        return Color(float(rng.uniform(20, 40)), float(rng.uniform(50, 75)),
                     float(rng.uniform(130, 170))); // red
    default:
        return Color(float(rng.uniform(150, 185)), float(rng.uniform(150, 185)),
                     float(rng.uniform(150, 185))); // grey
    }
}

Color sampleIris(Rng& rng) {
    switch (rng.index(5)) {
    case 0:
        return {25, 45, 75}; // dark brown
    case 1:
        return {40, 80, 120}; // hazel
    case 2:
        return {150, 110, 60}; // blue
    case 3:
        return {80, 120, 70}; // green
    default:
        return {110, 105, 100}; // grey
    }
}

void sampleFeatures(IdentityTraits& t, Rng& rng) {
    t.eyeSpacing = rng.uniform(0.30, 0.44);
    t.eyeY = rng.uniform(-0.16, 0.0);
    t.eyeWidth = rng.uniform(0.16, 0.24);
    t.eyeOpen = rng.uniform(0.35, 0.65);
    t.eyeSlant = rng.uniform(-0.12, 0.12);
    t.iris = sampleIris(rng);
    t.browThickness = rng.uniform(0.035, 0.10);
    t.browArch = rng.uniform(-0.02, 0.08);
    t.browGap = rng.uniform(0.11, 0.2);
    t.browLength = rng.uniform(0.22, 0.34);
    t.noseY = rng.uniform(0.22, 0.38);
    t.noseWidth = rng.uniform(0.10, 0.19);
    t.noseLength = rng.uniform(0.22, 0.42);
    t.mouthY = t.noseY + rng.uniform(0.25, 0.36);
    t.mouthWidth = rng.uniform(0.22, 0.36);
    t.lipThickness = rng.uniform(0.035, 0.085);
    t.lips = mixColor(t.skin,
                      Color(float(rng.uniform(70, 100)), float(rng.uniform(60, 90)),
                            float(rng.uniform(150, 200))),
                      rng.uniform(0.35, 0.6));
    t.mole = rng.chance(0.3);
    t.moleX = rng.uniform(-0.55, 0.55);
    t.moleY = rng.uniform(-0.1, 0.7);
}

} // namespace

const char* yawName(Yaw yaw) {
    return yaw == Yaw::Frontal ? "frontal" : yaw == Yaw::ThreeQuarter ? "three_quarter" : "profile";
}
const char* ageName(Age age) {
    return age == Age::Young ? "young" : "mature";
}
const char* qualityName(Quality q) {
    return q == Quality::High ? "high" : q == Quality::Middle ? "middle" : "low";
}
const char* disguiseName(Disguise d) {
    static const char* names[] = {"none", "glasses", "hat", "scarf", "beard"};
    return names[int(d)];
}
const char* expressionName(Expression e) {
    static const char* names[] = {"neutral", "smile", "open"};
    return names[int(e)];
}

IdentityTraits sampleIdentity(Rng& rng) {
    IdentityTraits t;
    t.faceWidth = rng.uniform(0.86, 1.06);
    t.faceHeight = rng.uniform(1.22, 1.48);
    t.jaw = rng.uniform(0.0, 0.38);
    t.skin = sampleSkin(rng);
    t.hairStyle = HairStyle(rng.weighted({1, 3, 2, 2, 1.5}));
    t.hair = sampleHair(rng);
    t.hairline = rng.uniform(-0.62, -0.42);
    if (t.hairStyle == HairStyle::Fringe)
        t.hairline = rng.uniform(-0.4, -0.3);
    t.hairVolume = rng.uniform(0.06, 0.2);
    t.earSize = rng.uniform(0.17, 0.27);
    t.clearGlasses = rng.chance(0.15);
    t.moustache = rng.chance(0.15);
    t.beard = rng.chance(0.1);
    t.earrings = rng.chance(0.15);
    t.accessory = Color(float(rng.uniform(20, 230)), float(rng.uniform(20, 230)),
                        float(rng.uniform(20, 230)));
    sampleFeatures(t, rng);
    return t;
}

IdentityTraits makeLookalike(const IdentityTraits& person, Rng& rng) {
    IdentityTraits t = person;
    sampleFeatures(t, rng);
    // Close, not equal: a nudge to shape and colouring too, so the pair is hard but separable.
    t.faceWidth += rng.uniform(-0.04, 0.04);
    t.jaw = std::min(0.4, std::max(0.0, t.jaw + rng.uniform(-0.08, 0.08)));
    t.skin +=
        Color(float(rng.uniform(-8, 8)), float(rng.uniform(-8, 8)), float(rng.uniform(-8, 8)));
    t.hairline += rng.uniform(-0.05, 0.05);
    return t;
}

double sampleYawDeg(Yaw yaw, Rng& rng) {
    // Bins of VGGFace2's pose templates and UMDFaces' yaw tracks: frontal |yaw| < 15,
    // three-quarter around 45, profile beyond 70 degrees.
    const double magnitude = yaw == Yaw::Frontal        ? rng.uniform(0, 12)
                             : yaw == Yaw::ThreeQuarter ? rng.uniform(35, 52)
                                                        : rng.uniform(70, 84);
    return magnitude * rng.sign();
}

ImageFactors sampleNuisance(Rng& rng) {
    ImageFactors f;
    f.expression = Expression(rng.weighted({3, 2, 1}));
    f.lightAzimuth = rng.uniform(-1.2, 1.2); // radians, about +-70 degrees
    f.lightElevation = rng.uniform(-0.1, 0.6);
    f.lightIntensity = rng.uniform(0.55, 0.95);
    f.ambient = rng.uniform(0.2, 0.45);
    f.lightTint = Color(float(rng.uniform(0.85, 1.1)), float(rng.uniform(0.92, 1.05)),
                        float(rng.uniform(0.9, 1.12)));
    f.background = rng.index(4);
    f.background1 = Color(float(rng.uniform(20, 235)), float(rng.uniform(20, 235)),
                          float(rng.uniform(20, 235)));
    f.background2 = Color(float(rng.uniform(20, 235)), float(rng.uniform(20, 235)),
                          float(rng.uniform(20, 235)));
    f.clothes = Color(float(rng.uniform(10, 220)), float(rng.uniform(10, 220)),
                      float(rng.uniform(10, 220)));
    f.disguiseColor = Color(float(rng.uniform(10, 200)), float(rng.uniform(10, 200)),
                            float(rng.uniform(10, 200)));
    f.dx = rng.normal() * 0.025;
    f.dy = rng.normal() * 0.025;
    f.scale = 1.0 + rng.normal() * 0.035;
    f.roll = rng.normal() * 4.0;
    f.textureSeed = rng.next();
    return f;
}

} // namespace fb::synth
