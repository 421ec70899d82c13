#pragma once
// The data.pkl pickle of a torch.save zip archive, read without LibTorch: the bounded pickle
// machine (util/pickle_machine.h) with the callables and persistent ids torch.save (and
// torch::pickle_save) use. Storages and tensors come out as descriptions (record key, element
// count, offset, sizes, strides) already checked against each other;
// weights/state_dict_file.cpp reads the records and makes the tensors.
#include "util/pickle_machine.h"

#include <string>

namespace fb {

// A storage's class as torch.save names it ("torch.FloatStorage"): its short name.
std::string storageClassName(const PickleValue& global);

// Reads torch.save's data.pkl. Unsupported opcodes or callables, truncation, stack or memo
// misuse, and tensors whose view leaves their storage are InputErrors naming `source`.
Pickle readTorchPickle(const std::string& bytes, const std::string& source);

} // namespace fb
