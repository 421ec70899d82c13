#pragma once
// PyTorch state_dict files: what Python's torch.save(model.state_dict(), f) writes (a zip
// archive with data.pkl and one record per storage), read and written without Python.
#include <torch/torch.h>

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace fb {

// Parameter and buffer tensors by name, in the file's order.
using StateDict = std::vector<std::pair<std::string, torch::Tensor>>;

// Reads a state_dict saved by torch.save (zip format, PyTorch >= 1.6). LibTorch's own
// torch::pickle_load turns the OrderedDict that state_dict() returns into None (measured with
// LibTorch 1.13), so data.pkl is read by a small unpickler of our own that knows exactly the
// opcodes and callables torch.save uses (weights/pickle_reader.h). Throws InputError naming the
// path and the problem.
StateDict readStateDict(const std::string& path);

// Writes a dict of tensors that Python's torch.load returns as a dict, ready for
// load_state_dict (written by torch::pickle_save, atomically).
void writeStateDict(const std::string& path, const StateDict& state);

// A state_dict with text metadata, as FaceBench's own weights files hold it: torch.load gives
// {"format": ..., "model": ..., ..., "state_dict": {name: tensor}}. A plain state_dict file
// reads as one with no metadata.
struct WeightsFile {
    StateDict state;
    std::map<std::string, std::string> metadata;
};
WeightsFile readWeightsFile(const std::string& path);
void writeWeightsFile(const std::string& path, const WeightsFile& file);

} // namespace fb
