#include "weights/pickle_reader.h"

#include "facebench/errors.h"

namespace fb {

namespace {

using Kind = PickleValue::Kind;

// PyTorch tensors have at most 64 dimensions (c10's limit for a view's sizes).
constexpr std::size_t kMaxDimensions = 64;
// torch.save's record keys are short decimal numbers; a storage cache looks them up by text.
constexpr std::size_t kMaxStorageKeyLength = 256;

// torch.save's objects on the pickle machine: storages (persistent ids), tensors and
// parameters (REDUCE of torch._utils' rebuild functions) and OrderedDicts, nothing else. No
// nesting limit or memory budget: values are shared by index, and a state_dict nests freely.
class TorchUnpickler : public PickleMachine {
public:
    explicit TorchUnpickler(const std::string& bytes) : PickleMachine(bytes, {"data.pkl"}) {}

private:
    bool isSequence(std::size_t index) {
        return value(index).kind == Kind::Tuple || value(index).kind == Kind::List;
    }

    // ('storage', torch.FloatStorage, key, location, numel): the record data/<key>.
    std::size_t persistent(std::size_t id) override {
        const PickleValue& tuple = expect(id, Kind::Tuple, "a persistent id");
        if (tuple.items.size() < 5 || value(tuple.items[0]).kind != Kind::Text ||
            value(tuple.items[0]).text != "storage")
            fail("unsupported persistent id in data.pkl");
        const std::size_t storageClass = tuple.items[1];
        const std::size_t key = tuple.items[2];
        const std::size_t numel = tuple.items[4];
        expect(storageClass, Kind::Global, "a storage class");
        expect(key, Kind::Text, "a storage key");
        expect(numel, Kind::Int, "a storage size");
        if (value(key).text.size() > kMaxStorageKeyLength)
            fail("a storage key in data.pkl is longer than " +
                 std::to_string(kMaxStorageKeyLength) + " bytes");
        if (value(numel).integer < 0)
            fail("a storage in data.pkl has a negative size");
        const std::size_t v = make(Kind::Storage);
        value(v).text = value(key).text;
        value(v).integer = value(numel).integer;
        value(v).items = {storageClass};
        return v;
    }

    std::size_t call(std::size_t callable, std::size_t argsIndex) override {
        // By reference: a memoised callable or argument tuple may be used by many REDUCEs.
        const std::string& name = expect(callable, Kind::Global, "a callable").text;
        const std::vector<std::size_t>& args = expect(argsIndex, Kind::Tuple, "arguments").items;
        if (name == "collections.OrderedDict")
            return make(Kind::Dict);
        if (name == "torch._utils._rebuild_tensor_v2" && args.size() >= 4)
            return tensor(args[0], args[1], args[2], args[3]);
        if (name == "torch._utils._rebuild_parameter" && !args.empty()) {
            expect(args[0], Kind::Tensor, "a parameter's tensor");
            return args[0];
        }
        // torch::pickle_save wraps a typed dict as restore_type_tag(dict, "Dict[str, Tensor]").
        if (name == "torch.jit._pickle.restore_type_tag" && !args.empty())
            return args[0];
        fail("unsupported object " + name.substr(0, 200) + " in data.pkl");
    }

    // A tensor's sizes or strides: a tuple (or list) of at most kMaxDimensions integers. It is
    // sealed, so that it cannot change once the view is checked.
    std::vector<std::int64_t> dimensions(std::size_t index, const char* what) {
        if (!isSequence(index))
            fail(std::string("data.pkl has an unexpected value where a tensor's ") + what +
                 " belong");
        if (value(index).items.size() > kMaxDimensions)
            fail(std::string("a tensor in data.pkl has more than ") +
                 std::to_string(kMaxDimensions) + " dimensions");
        value(index).sealed = true;
        std::vector<std::int64_t> list;
        for (std::size_t item : value(index).items)
            list.push_back(expect(item, Kind::Int, what).integer);
        return list;
    }

    // _rebuild_tensor_v2(storage, offset, size, stride, ...): the view must lie inside the
    // storage, checked here once so that as_strided never reads outside it.
    std::size_t tensor(std::size_t storage, std::size_t offsetIndex, std::size_t sizesIndex,
                       std::size_t stridesIndex) {
        const std::int64_t numel = expect(storage, Kind::Storage, "a tensor's storage").integer;
        const std::int64_t offset = expect(offsetIndex, Kind::Int, "a storage offset").integer;
        const std::vector<std::int64_t> sizes = dimensions(sizesIndex, "sizes");
        const std::vector<std::int64_t> strides = dimensions(stridesIndex, "strides");
        if (sizes.size() != strides.size())
            fail("a tensor in data.pkl has " + std::to_string(sizes.size()) + " sizes but " +
                 std::to_string(strides.size()) + " strides");
        if (offset < 0)
            fail("a tensor in data.pkl has a negative storage offset");
        bool empty = false;
        for (std::size_t i = 0; i < sizes.size(); ++i) {
            if (sizes[i] < 0 || strides[i] < 0)
                fail("a tensor in data.pkl has a negative size or stride");
            empty = empty || sizes[i] == 0;
        }
        // The furthest element the view touches must exist; an empty view touches none.
        if (!empty) {
            std::int64_t last = offset;
            for (std::size_t i = 0; i < sizes.size(); ++i) {
                std::int64_t reach = 0;
                if (__builtin_mul_overflow(sizes[i] - 1, strides[i], &reach) ||
                    __builtin_add_overflow(last, reach, &last))
                    fail("a tensor in data.pkl reaches past the end of its storage");
            }
            if (last >= numel)
                fail("a tensor in data.pkl reaches past the end of its storage");
        }
        const std::size_t v = make(Kind::Tensor);
        value(v).integer = offset;
        value(v).items = {storage, sizesIndex, stridesIndex};
        return v;
    }
};

} // namespace

std::string storageClassName(const PickleValue& global) {
    return global.text.substr(global.text.rfind('.') + 1);
}

Pickle readTorchPickle(const std::string& bytes, const std::string& source) {
    try {
        return TorchUnpickler(bytes).run();
    } catch (const PickleError& error) {
        throw InputError(SourceLocation{source}, "", error.problem);
    }
}

} // namespace fb
