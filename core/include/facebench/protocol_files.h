#pragma once
// Readers and writers for the verification protocol files of the seed's test sets
// (Section 3.2), in each dataset's own format. The synthetic data writes them; the evaluation
// protocols read them, for synthetic and real data alike. Readers throw InputError naming the
// file and line of a malformed entry.
#include <string>
#include <vector>

namespace fb {

// ---- LFW (Huang et al. 2007), View 2 pairs.txt --------------------------------------------
// Header "folds\tpairs_per_fold", then per fold `pairs_per_fold` matched lines "name\ti\tj"
// followed by `pairs_per_fold` mismatched lines "name1\ti\tname2\tj". Indices are 1-based.
struct LfwPair {
    std::string name1;
    int index1 = 0;
    std::string name2;
    int index2 = 0;
    bool same = false;
    int fold = 0; // 0-based
};

struct LfwPairs {
    int folds = 10;
    int pairsPerFold = 300;
    std::vector<LfwPair> pairs; // fold by fold, matched then mismatched
};

LfwPairs readLfwPairs(const std::string& path);
std::string formatLfwPairs(const LfwPairs& pairs);
// "Name/Name_0001.jpg", relative to the LFW root.
std::string lfwImagePath(const std::string& name, int index);

// ---- Plain image lists (VGGFace2 template lists, quality lists, DFW image list) -------------
// One path per line, relative to the dataset's image root; the identity is the first path
// component ("n000201/0003.jpg"), as in VGGFace2's test lists.
std::vector<std::string> readImageList(const std::string& path);
std::string formatImageList(const std::vector<std::string>& images);
std::string identityOfPath(const std::string& imagePath);

// ---- VGGFace2 pose and age templates (Cao et al. 2018) --------------------------------------
// test_posetemp_imglist.txt / test_agetemp_imglist.txt: per identity, consecutive templates of
// `templateSize` images, `templatesPerLevel` templates per level, levels in a fixed order
// (pose: frontal, three-quarter, profile; age: young, mature).
struct FaceTemplate {
    std::string identity;
    int level = 0; // index into the protocol's level list
    std::vector<std::string> images;
};
std::vector<FaceTemplate> readTemplateList(const std::string& path, int templateSize, int levels,
                                           int templatesPerLevel);

// ---- DFW (Kushwaha et al. 2018) mask ---------------------------------------------------------
// An N x N matrix of space-separated integers over the image list: 1 genuine, 2 impostor,
// 0 ignored. Only the upper triangle (i < j) is read.
constexpr int kDfwIgnore = 0;
constexpr int kDfwGenuine = 1;
constexpr int kDfwImpostor = 2;
std::vector<std::vector<int>> readDfwMask(const std::string& path, int expectedSize);
std::string formatDfwMask(const std::vector<std::vector<int>>& mask);

// ---- Generic pair lists (UMDFaces tracks) ----------------------------------------------------
// "image1\timage2\tlabel" per line, label 1 for the same identity, 0 for different.
struct ImagePair {
    std::string image1;
    std::string image2;
    bool same = false;
};
std::vector<ImagePair> readPairList(const std::string& path);
std::string formatPairList(const std::vector<ImagePair>& pairs);

} // namespace fb
