// ImageFolder: root/<identity>/<image>, as torchvision's ImageFolder and the CASIA-WebFace,
// VGGFace2 and UMDFaces releases lay data out. Identities are the sub-folders sorted by name
// (labels 0..n-1 in that order, as torchvision numbers classes); images are found recursively
// below each identity folder. Files beside the identity folders and files without an image
// extension are counted in ignoredFiles; an identity folder without images, or one that
// cannot be opened, is left out and listed as a problem.
#include "data/dataset_readers.h"

namespace fb::data {

DatasetIndex readImageFolder(const std::string& root, IndexContext& context) {
    DatasetIndex index;
    index.root = root;
    index.format = "imagefolder";
    long long filesInRoot = 0;
    const std::vector<FolderEntry> folders = listIdentityFolders(root, filesInRoot, context);
    index.ignoredFiles += filesInRoot;
    std::vector<ScannedIdentity> identities;
    identities.reserve(folders.size());
    for (const FolderEntry& folder : folders) {
        context.checkCancel();
        const std::size_t problemsBefore = index.problems.size();
        ScannedIdentity identity =
            scanIdentityFolder(folder, context, index.problems, index.ignoredFiles);
        if (identity.images.empty()) {
            // An unreadable folder is already listed; an empty one is listed here.
            if (index.problems.size() == problemsBefore)
                index.problems.push_back(
                    {folder.path, "identity folder holds no images; left out"});
            continue;
        }
        identities.push_back(std::move(identity));
    }
    appendIdentities(index, std::move(identities));
    return index;
}

} // namespace fb::data
