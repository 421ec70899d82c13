#pragma once
// A dataset on disk, indexed: every training or test image with its identity label, in the
// layouts the community uses: ImageFolder (root/<identity>/<image>), list files
// ("path label" lines, LightCNN / FaceX-Zoo), LFW (Name/Name_NNNN.jpg) and InsightFace's MXNet
// RecordIO (train.rec + train.idx). Torch-free: the CLI's `data index|stats|overlap`, the GUI's
// dataset browser and the loader all start from a DatasetIndex.
#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace fb {

struct IndexedImage {
    std::string path; // absolute path of the image file, or of the .rec file
    std::int64_t offset =
        -1;                  // RecordIO: byte offset of the encoded image in `path`; -1: whole file
    std::int64_t size = 0;   // bytes: the file's size, or the encoded image's length
    std::int32_t label = -1; // index into DatasetIndex::identities
};

// An entry left out while indexing (missing file named in a list, unreadable folder, ...). Never
// silent: the CLI lists them and the run log summarises them.
struct DataProblem {
    std::string path;
    std::string problem;
};

struct DatasetIndex {
    std::string root;                    // the folder, list file or .rec file indexed
    std::string format;                  // imagefolder | list | lfw | recordio
    std::vector<std::string> identities; // label -> identity name
    std::vector<IndexedImage> images;    // sorted by identity, then path (offset for RecordIO)
    std::vector<DataProblem> problems;
    // Filled by indexDataset (dataset_index.cpp): files skipped because they are not images
    // (extension) or lie outside an identity folder; where the cache was read or written ("" =
    // none); whether this index came from that cache.
    long long ignoredFiles = 0;
    std::string cachePath;
    bool fromCache = false;
};

struct IndexOptions {
    std::string format = "auto"; // auto | imagefolder | list | lfw | recordio
    std::string cacheDir;        // "" = next to the data when writable, else the user cache dir
    bool useCache = true;        // reuse a cached index while the folder is unchanged
    // List files: the folder relative paths are resolved against ("" = the list's own folder),
    // e.g. the test/ root of VGGFace2's template lists or a LightCNN list's dataset root.
    std::string imageRoot;
};

struct IndexProgress {
    long long filesSeen = 0;
    bool fromCache = false;
};

// Throws InputError naming the path when it does not exist or the format cannot be read;
// `cancel`, when given, is polled and stops the job with JobError.
DatasetIndex indexDataset(const std::string& path, const IndexOptions& options = {},
                          const std::function<void(const IndexProgress&)>& progress = {},
                          const std::atomic_bool* cancel = nullptr);

// The format indexDataset would pick for `path` with format "auto" (see dataset_index.cpp):
// a .rec / .idx file or a folder with train.rec: recordio; another file: list; a folder with
// pairs.txt or LFW's Name/Name_NNNN.jpg naming: lfw; another folder: imagefolder.
std::string detectDatasetFormat(const std::string& path);

// True for the image extensions the folder readers take (jpg jpeg png bmp webp ppm pgm tif
// tiff, any case).
bool isImageFileName(const std::string& name);

// The encoded bytes of one image (the whole file, or the RecordIO record's payload). Throws
// InputError naming the path when it cannot be read.
std::vector<unsigned char> readImageBytes(const IndexedImage& image);

} // namespace fb
