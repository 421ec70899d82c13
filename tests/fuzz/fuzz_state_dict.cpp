// readTorchPickle (core/src/weights/pickle_reader.h) on arbitrary bytes: the data.pkl member of
// a torch.save zip archive, which readWeightsFile hands it for `weights import`, `--weights`
// and checkpoints. Torch-free: the zip container and the tensors' storages are LibTorch's side.
#include "facebench/errors.h"
#include "weights/pickle_reader.h"

#include <cstdint>
#include <cstdlib>
#include <string>

namespace {

using Kind = fb::PickleValue::Kind;

// What state_dict_file.cpp relies on for every tensor: its storage, sizes and strides are there,
// of the right kinds and lengths.
void checkTensor(const fb::Pickle& pickle, const fb::PickleValue& tensor) {
    if (tensor.items.size() != 3 || pickle.at(tensor.items[0]).kind != Kind::Storage)
        std::abort();
    const auto sizes = pickle.integers(tensor.items[1]);
    const auto strides = pickle.integers(tensor.items[2]);
    if (sizes.size() != strides.size() || tensor.integer < 0)
        std::abort();
    if (pickle.at(pickle.at(tensor.items[0]).items.at(0)).kind != Kind::Global)
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    try {
        const fb::Pickle pickle = fb::readTorchPickle(bytes, "data.pkl");
        for (const fb::PickleValue& value : pickle.values)
            if (value.kind == Kind::Tensor)
                checkTensor(pickle, value);
        (void)pickle.rootValue();
    } catch (const fb::InputError&) {
        // Expected for bad input; anything else escapes and is reported.
    }
    return 0;
}
