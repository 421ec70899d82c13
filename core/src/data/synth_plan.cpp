// Which image shows whom under which factors, and the protocol files over them. Each test
// identity gets a fixed schedule so every protocol of the seed's Section 3.2 finds what it
// needs:
//   0..29  pose block: 10 frontal, 10 three-quarter, 10 profile; within each ten, even images
//          young and odd mature, the first six high quality and the last four middle.
//          -> VGGFace2 pose templates (all 30), age templates (frontal + three-quarter),
//             quality high/middle lists, UMDFaces tracks, LFW (frontal + three-quarter).
//  30..33  low quality, frontal and three-quarter                -> quality low list
//  34      DFW "normal" image; 35..36 DFW validation images; 37..40 glasses, hat, scarf, beard
// plus two images of a look-alike (DFW impersonators) in test/<identity>-lookalike/.
#include "synth_plan.h"

#include "facebench/errors.h"

#include <algorithm>
#include <cstdio>
#include <set>

namespace fb::synth {

namespace {

constexpr std::uint64_t kStreamTraits = 1, kStreamImages = 2, kStreamLookalike = 3,
                        kStreamProtocols = 4;

std::string identityName(int number) {
    char text[32];
    std::snprintf(text, sizeof text, "n%06d", number); // VGGFace2's class ids
    return text;
}

std::string fileName(int number) {
    char text[32];
    std::snprintf(text, sizeof text, "%04d.jpg", number);
    return text;
}

std::uint64_t imageSeed(std::uint64_t seed, int person, int image) {
    return mix(mix(mix(seed, kStreamImages), std::uint64_t(person)), std::uint64_t(image));
}

ImageFactors factorsFor(Rng& rng, Yaw yaw, Age age, Quality quality, Disguise disguise) {
    ImageFactors f = sampleNuisance(rng);
    f.yaw = yaw;
    f.yawDeg = sampleYawDeg(yaw, rng);
    f.age = age;
    f.quality = quality;
    f.disguise = disguise;
    return f;
}

std::string underTest(const std::string& path) {
    return path.substr(std::string("test/").size());
}

void planLfw(Plan& plan, const std::vector<std::vector<std::size_t>>& test, Rng& rng) {
    const int T = int(test.size());
    constexpr int kEligible = 20; // the frontal and three-quarter images of the pose block
    std::vector<std::string> names;
    for (int k = 0; k < T; ++k) {
        names.push_back(lfwName(k));
        for (int e = 0; e < kEligible; ++e) {
            const std::size_t image = test[std::size_t(k)][std::size_t(e)];
            plan.lfwLinks.push_back(
                {plan.images[image].path, "lfw/" + lfwImagePath(names.back(), e + 1), image});
        }
        plan.lfwNames.emplace_back(names.back(), kEligible);
    }
    std::sort(plan.lfwNames.begin(), plan.lfwNames.end());
    // LFW's folds are subject-disjoint: identities are dealt to the folds like cards.
    std::vector<int> order(std::size_t(T), 0);
    for (int k = 0; k < T; ++k)
        order[std::size_t(k)] = k;
    rng.shuffle(order);
    plan.lfwPairs.folds = kLfwFolds;
    plan.lfwPairs.pairsPerFold = kLfwPairsPerFold;
    for (int fold = 0; fold < kLfwFolds; ++fold) {
        std::vector<int> ids;
        for (int i = fold; i < T; i += kLfwFolds)
            ids.push_back(order[std::size_t(i)]);
        // Matched: every identity's pairs shuffled, taken round-robin.
        std::vector<std::vector<std::pair<int, int>>> same(ids.size());
        for (std::size_t s = 0; s < ids.size(); ++s) {
            for (int i = 1; i <= kEligible; ++i)
                for (int j = i + 1; j <= kEligible; ++j)
                    same[s].emplace_back(i, j);
            rng.shuffle(same[s]);
        }
        int taken = 0;
        for (std::size_t round = 0; taken < kLfwPairsPerFold; ++round)
            for (std::size_t s = 0; s < ids.size() && taken < kLfwPairsPerFold; ++s) {
                if (round >= same[s].size())
                    continue;
                const auto [i, j] = same[s][round];
                const std::string& name = names[std::size_t(ids[s])];
                plan.lfwPairs.pairs.push_back({name, i, name, j, true, fold});
                ++taken;
            }
        // Mismatched: identity pairs shuffled, each with its image pairs shuffled.
        std::vector<std::pair<int, int>> couples;
        for (std::size_t a = 0; a < ids.size(); ++a)
            for (std::size_t b = a + 1; b < ids.size(); ++b)
                couples.emplace_back(ids[a], ids[b]);
        rng.shuffle(couples);
        couples.resize(std::min<std::size_t>(couples.size(), kLfwPairsPerFold));
        std::vector<std::vector<std::pair<int, int>>> combos(couples.size());
        for (auto& list : combos) {
            for (int i = 1; i <= kEligible; ++i)
                for (int j = 1; j <= kEligible; ++j)
                    list.emplace_back(i, j);
            rng.shuffle(list);
        }
        taken = 0;
        for (std::size_t round = 0; taken < kLfwPairsPerFold; ++round)
            for (std::size_t c = 0; c < couples.size() && taken < kLfwPairsPerFold; ++c) {
                auto [i, j] = combos[c][round];
                std::string n1 = names[std::size_t(couples[c].first)];
                std::string n2 = names[std::size_t(couples[c].second)];
                if (n2 < n1) {
                    std::swap(n1, n2);
                    std::swap(i, j);
                }
                plan.lfwPairs.pairs.push_back({n1, i, n2, j, false, fold});
                ++taken;
            }
    }
}

void planTemplatesAndQuality(Plan& plan, const std::vector<std::vector<std::size_t>>& test) {
    static const int youngA[] = {0, 2, 4, 10, 12}, youngB[] = {6, 8, 14, 16, 18};
    static const int matureA[] = {1, 3, 5, 11, 13}, matureB[] = {7, 9, 15, 17, 19};
    for (const std::vector<std::size_t>& images : test) {
        auto path = [&](int j) { return underTest(plan.images[images[std::size_t(j)]].path); };
        for (int j = 0; j < 30; ++j)
            plan.poseTemplates.push_back(path(j));
        for (const int* group : {youngA, youngB, matureA, matureB})
            for (int k = 0; k < kTemplateSize; ++k)
                plan.ageTemplates.push_back(path(group[k]));
        for (int j = 0; j < 20; ++j)
            ((j % 10) < 6 ? plan.qualityHigh : plan.qualityMiddle).push_back(path(j));
        for (int j = 30; j < 34; ++j)
            plan.qualityLow.push_back(path(j));
    }
}

void planDfw(Plan& plan, const std::vector<std::vector<std::size_t>>& test,
             const std::vector<std::vector<std::size_t>>& lookalikes) {
    // DFW's test set has 600 subjects; 200 keep the N x N mask a few megabytes.
    const std::size_t subjects = std::min<std::size_t>(test.size(), 200);
    std::vector<std::pair<std::size_t, bool>> owner; // subject, is an impersonator
    for (std::size_t k = 0; k < subjects; ++k) {
        for (int j = 34; j < kTestImagesPerIdentity; ++j) {
            plan.dfwImages.push_back(underTest(plan.images[test[k][std::size_t(j)]].path));
            owner.emplace_back(k, false);
        }
        for (std::size_t image : lookalikes[k]) {
            plan.dfwImages.push_back(underTest(plan.images[image].path));
            owner.emplace_back(k, true);
        }
    }
    const std::size_t n = owner.size();
    plan.dfwMask.assign(n, std::vector<int>(n, kDfwIgnore));
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = i + 1; j < n; ++j) {
            const bool sameSubject = owner[i].first == owner[j].first;
            const bool impI = owner[i].second, impJ = owner[j].second;
            int label = kDfwIgnore;
            if (!impI && !impJ)
                label = sameSubject ? kDfwGenuine : kDfwImpostor;
            else if (sameSubject && impI != impJ)
                label = kDfwImpostor; // a subject against their impersonator
            plan.dfwMask[i][j] = plan.dfwMask[j][i] = label;
        }
}

void planUmdTracks(Plan& plan, const std::vector<std::vector<std::size_t>>& test, Rng& rng) {
    // UMDFaces' tracks differ by the yaw difference within a pair: easy within a yaw bin,
    // moderate one bin apart, difficult frontal against profile. 5000 + 5000 per track in
    // the real protocol; fewer when there are few identities.
    const int T = int(test.size());
    const int wanted = std::min(5000, 10 * T);
    static const std::vector<std::pair<int, int>> bins[3] = {
        {{0, 0}, {1, 1}, {2, 2}}, {{0, 1}, {1, 2}}, {{0, 2}}};
    auto pick = [&](int person, int bin) {
        return test[std::size_t(person)][std::size_t(bin * 10 + rng.index(10))];
    };
    for (int track = 0; track < 3; ++track) {
        std::set<std::pair<std::size_t, std::size_t>> seen;
        std::vector<ImagePair>& out = plan.umdTracks[track];
        for (int positives = 0, attempts = 0; positives < wanted && attempts < 100 * wanted;
             ++attempts) {
            const int k = rng.index(T);
            const auto [b1, b2] = bins[track][std::size_t(rng.index(int(bins[track].size())))];
            const std::size_t i = pick(k, b1), j = pick(k, b2);
            if (i == j || !seen.insert(std::minmax(i, j)).second)
                continue;
            out.push_back({underTest(plan.images[i].path), underTest(plan.images[j].path), true});
            ++positives;
        }
        for (int negatives = 0, attempts = 0; negatives < wanted && attempts < 100 * wanted;
             ++attempts) {
            const int k1 = rng.index(T), k2 = rng.index(T);
            if (k1 == k2)
                continue;
            const auto [b1, b2] = bins[track][std::size_t(rng.index(int(bins[track].size())))];
            const std::size_t i = pick(k1, b1), j = pick(k2, b2);
            if (!seen.insert(std::minmax(i, j)).second)
                continue;
            out.push_back({underTest(plan.images[i].path), underTest(plan.images[j].path), false});
            ++negatives;
        }
    }
}

} // namespace

std::string lfwName(int index) {
    static const char* head[] = {"Ka", "Lo", "Mi", "Re", "Sa", "To", "Vi", "An", "El", "Da",
                                 "No", "Be", "Fi", "Ha", "Jo", "Ru", "Ce", "Pa", "Go", "Wi"};
    static const char* tail[] = {"ra",  "len", "mo",  "dan", "nie", "ko",  "ssa",
                                 "ren", "tha", "vin", "lia", "ron", "sto", "na",
                                 "bel", "dor", "mi",  "gan", "ley", "tor"};
    static const char* family[] = {"Abbot",   "Brenner",   "Castell", "Dorsey", "Ellison",
                                   "Farrow",  "Garber",    "Holm",    "Ingram", "Jarvis",
                                   "Kessler", "Lindqvist", "Moreau",  "Nakata", "Okafor",
                                   "Petrov",  "Quinlan",   "Rossi",   "Santos", "Tanaka"};
    std::string name =
        std::string(head[index % 20]) + tail[(index / 20) % 20] + "_" + family[(index / 400) % 20];
    if (index >= 8000)
        name += std::to_string(index / 8000);
    return name;
}

Plan makePlan(const SynthOptions& o) {
    Plan plan;
    const int N = o.identities, T = o.testIdentities;
    const std::uint64_t traitStream = mix(o.seed, kStreamTraits);
    for (int person = 0; person < N + T; ++person) {
        Rng rng(mix(traitStream, std::uint64_t(person)));
        plan.people.push_back(sampleIdentity(rng));
    }
    for (int i = 0; i < N; ++i) {
        const std::string name = identityName(i + 1);
        plan.trainIdentities.push_back(name);
        for (int m = 0; m < o.imagesPerIdentity; ++m) {
            Rng rng(imageSeed(o.seed, i, m));
            // Training sees every factor, so that invariance to them can be learnt.
            const Yaw yaw = Yaw(rng.weighted({0.45, 0.3, 0.25}));
            const Age age = Age(rng.index(2));
            const Quality quality = Quality(rng.weighted({0.5, 0.3, 0.2}));
            const Disguise disguise =
                rng.chance(0.25) ? Disguise(1 + rng.index(4)) : Disguise::None;
            plan.images.push_back({"train/" + name + "/" + fileName(m + 1), "train", name, "", i,
                                   factorsFor(rng, yaw, age, quality, disguise), rng.next()});
        }
    }
    std::vector<std::vector<std::size_t>> test(static_cast<std::size_t>(T));
    std::vector<std::vector<std::size_t>> lookalikes(static_cast<std::size_t>(T));
    for (int k = 0; k < T; ++k) {
        const int person = N + k;
        const std::string name = identityName(person + 1);
        plan.testIdentities.push_back(name);
        for (int j = 0; j < kTestImagesPerIdentity; ++j) {
            Rng rng(imageSeed(o.seed, person, j));
            Yaw yaw = Yaw::Frontal;
            Age age = Age(rng.index(2));
            Quality quality = rng.chance(0.6) ? Quality::High : Quality::Middle;
            Disguise disguise = Disguise::None;
            const Yaw nearFrontal = rng.chance(0.5) ? Yaw::Frontal : Yaw::ThreeQuarter;
            if (j < 30) {
                yaw = Yaw(j / 10);
                age = (j % 10) % 2 ? Age::Mature : Age::Young;
                quality = (j % 10) < 6 ? Quality::High : Quality::Middle;
            } else if (j < 34) {
                yaw = j < 32 ? Yaw::Frontal : Yaw::ThreeQuarter;
                age = Age(j % 2);
                quality = Quality::Low;
            } else if (j == 34) {
                quality = Quality::High; // DFW's "normal" image of the subject
            } else {
                yaw = nearFrontal;
                if (j >= 37)
                    disguise = Disguise(1 + (j - 37));
            }
            test[std::size_t(k)].push_back(plan.images.size());
            plan.images.push_back({"test/" + name + "/" + fileName(j + 1), "test", name, "", person,
                                   factorsFor(rng, yaw, age, quality, disguise), rng.next()});
        }
    }
    for (int k = 0; k < T; ++k) {
        Rng rng(mix(mix(o.seed, kStreamLookalike), std::uint64_t(k)));
        plan.people.push_back(makeLookalike(plan.people[std::size_t(N + k)], rng));
        const int person = int(plan.people.size()) - 1;
        const std::string name = plan.testIdentities[std::size_t(k)] + "-lookalike";
        for (int j = 0; j < kLookalikeImages; ++j) {
            const Yaw yaw = rng.chance(0.5) ? Yaw::Frontal : Yaw::ThreeQuarter;
            const Quality quality = rng.chance(0.6) ? Quality::High : Quality::Middle;
            lookalikes[std::size_t(k)].push_back(plan.images.size());
            plan.images.push_back({"test/" + name + "/" + fileName(j + 1), "test", name,
                                   plan.testIdentities[std::size_t(k)], person,
                                   factorsFor(rng, yaw, Age(rng.index(2)), quality, Disguise::None),
                                   rng.next()});
        }
    }
    Rng protocols(mix(o.seed, kStreamProtocols));
    planLfw(plan, test, protocols);
    planTemplatesAndQuality(plan, test);
    planDfw(plan, test, lookalikes);
    planUmdTracks(plan, test, protocols);
    return plan;
}

} // namespace fb::synth
