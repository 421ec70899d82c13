// DistContext (process_group.h) on c10d: TCPStore rendezvous, ProcessGroupGloo on the CPU,
// ProcessGroupNCCL on CUDA. Debian's LibTorch is CPU-only and its NCCL header is empty unless
// USE_C10D_NCCL is defined, so the NCCL path is compiled only under that macro (define it, via
// -DFACEBENCH_NCCL=ON, against a CUDA LibTorch built with NCCL); without it a CUDA job uses Gloo,
// which all-reduces CUDA tensors through host memory.
#ifndef USE_C10D_GLOO
#define USE_C10D_GLOO // Debian's libtorch ships ProcessGroupGloo; its header is guarded by this
#endif
#include "dist/process_group.h"

#include "facebench/errors.h"

#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#include <torch/csrc/distributed/c10d/TCPStore.hpp>
#ifdef USE_C10D_NCCL
#include <torch/csrc/distributed/c10d/ProcessGroupNCCL.hpp>
#endif

#include <chrono>
#include <cstdio>

namespace fb::dist {

namespace {

using Millis = std::chrono::milliseconds;
constexpr std::int64_t kBucketBytes = 25 * 1024 * 1024;

// c10's messages carry a C++ backtrace: keep the first line a user can read.
std::string shortMessage(const std::exception& error) {
    std::string text;
    if (const auto* c10 = dynamic_cast<const c10::Error*>(&error))
        text = c10->what_without_backtrace();
    else
        text = error.what();
    if (const auto end = text.find('\n'); end != std::string::npos)
        text.resize(end);
    return text;
}

bool mentions(const std::string& text, const char* what) {
    return text.find(what) != std::string::npos;
}

} // namespace

struct DistContext::Impl {
    DistributedOptions options;
    c10::intrusive_ptr<c10d::TCPStore> store;
    c10::intrusive_ptr<c10d::ProcessGroup> group;
    std::string backend = "gloo";

    [[noreturn]] void fail(const std::string& what, const std::exception& error) const {
        throw JobError("rank " + std::to_string(options.rank) + " of " +
                       std::to_string(options.worldSize) + ": " + what + " failed: " +
                       shortMessage(error) + " (another rank died, or did not answer within " +
                       std::to_string(static_cast<long>(options.timeoutSeconds)) + " s)");
    }

    void wait(c10d::Work& work, const std::string& what) const {
        try {
            work.wait();
        } catch (const std::exception& error) {
            fail(what, error);
        }
    }
};

DistContext::DistContext(const DistributedOptions& options, const torch::Device& device)
    : m_impl(std::make_unique<Impl>()) {
    Impl& impl = *m_impl;
    impl.options = options;
    const auto timeout = Millis(static_cast<std::int64_t>(options.timeoutSeconds * 1000));
    const std::string where = options.masterAddr + ":" + std::to_string(options.masterPort);
    c10d::TCPStoreOptions storeOptions;
    storeOptions.port = static_cast<std::uint16_t>(options.masterPort);
    storeOptions.isServer = options.rank == 0;
    storeOptions.numWorkers = static_cast<std::size_t>(options.worldSize);
    storeOptions.waitWorkers = true;
    storeOptions.timeout = timeout;
    try {
        impl.store = c10::make_intrusive<c10d::TCPStore>(options.masterAddr, storeOptions);
    } catch (const std::exception& error) {
        const std::string text = shortMessage(error);
        if (options.rank == 0 && (mentions(text, "in use") || mentions(text, "bind")))
            throw InputError(SourceLocation{}, "--master-port",
                             "rank 0 cannot listen on " + where + ": " + text);
        throw InputError(
            SourceLocation{}, "--master-addr",
            "rank " + std::to_string(options.rank) + " could not meet the other " +
                std::to_string(options.worldSize - 1) + " rank(s) at " + where + " within " +
                std::to_string(static_cast<long>(options.timeoutSeconds)) + " s: " + text);
    }
    try {
#ifdef USE_C10D_NCCL
        if (device.is_cuda()) {
            auto nccl = c10d::ProcessGroupNCCL::Options::create();
            nccl->timeout = timeout;
            impl.group = c10::make_intrusive<c10d::ProcessGroupNCCL>(impl.store, options.rank,
                                                                     options.worldSize, nccl);
            impl.backend = "nccl";
        }
#endif
        if (!impl.group) {
            auto gloo = c10d::ProcessGroupGloo::Options::create(timeout);
            // Loopback jobs bind loopback; otherwise this host's address, as torch.distributed.
            const bool local =
                options.masterAddr == "localhost" || options.masterAddr.rfind("127.", 0) == 0;
            gloo->devices.push_back(
                local ? c10d::ProcessGroupGloo::createDeviceForHostname("127.0.0.1")
                      : c10d::ProcessGroupGloo::createDefaultDevice());
            gloo->threads = 2;
            impl.group = c10::make_intrusive<c10d::ProcessGroupGloo>(impl.store, options.rank,
                                                                     options.worldSize, gloo);
        }
    } catch (const std::exception& error) {
        impl.fail("creating the process group", error);
    }
    (void)device;
}

DistContext::~DistContext() = default;

int DistContext::rank() const {
    return m_impl->options.rank;
}
int DistContext::worldSize() const {
    return m_impl->options.worldSize;
}
const char* DistContext::backendName() const {
    return m_impl->backend.c_str();
}

void DistContext::allReduceSum(torch::Tensor& tensor, const std::string& what) {
    std::vector<torch::Tensor> list{tensor};
    c10::intrusive_ptr<c10d::Work> work;
    try {
        work = m_impl->group->allreduce(list);
    } catch (const std::exception& error) {
        m_impl->fail(what, error);
    }
    m_impl->wait(*work, what);
}

double DistContext::averageGradients(const std::vector<torch::Tensor>& parameters) {
    const auto started = std::chrono::steady_clock::now();
    torch::NoGradGuard noGrad;
    // Buckets of consecutive parameters of one dtype and device, as DDP's Reducer.
    std::vector<std::vector<torch::Tensor>> buckets;
    std::int64_t bucketBytes = 0;
    for (const torch::Tensor& parameter : parameters) {
        torch::Tensor grad = parameter.mutable_grad();
        if (!grad.defined()) {
            parameter.mutable_grad() = torch::zeros_like(parameter);
            grad = parameter.mutable_grad();
        }
        const std::int64_t bytes = grad.numel() * static_cast<std::int64_t>(grad.element_size());
        if (buckets.empty() || bucketBytes + bytes > kBucketBytes ||
            buckets.back().front().scalar_type() != grad.scalar_type() ||
            buckets.back().front().device() != grad.device()) {
            buckets.emplace_back();
            bucketBytes = 0;
        }
        buckets.back().push_back(grad);
        bucketBytes += bytes;
    }
    std::vector<torch::Tensor> flat;
    std::vector<c10::intrusive_ptr<c10d::Work>> works;
    try {
        for (const auto& bucket : buckets) {
            std::vector<torch::Tensor> pieces;
            for (const torch::Tensor& grad : bucket)
                pieces.push_back(grad.reshape({-1}));
            flat.push_back(torch::cat(pieces));
            std::vector<torch::Tensor> one{flat.back()};
            works.push_back(m_impl->group->allreduce(one));
        }
    } catch (const std::exception& error) {
        m_impl->fail("the gradient all-reduce", error);
    }
    const double scale = 1.0 / m_impl->options.worldSize;
    for (std::size_t b = 0; b < buckets.size(); ++b) {
        m_impl->wait(*works[b], "the gradient all-reduce");
        flat[b].mul_(scale);
        std::int64_t offset = 0;
        for (torch::Tensor& grad : buckets[b]) {
            const std::int64_t n = grad.numel();
            grad.copy_(flat[b].narrow(0, offset, n).view_as(grad));
            offset += n;
        }
    }
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
}

void DistContext::broadcastFromRank0(const std::vector<torch::Tensor>& tensors,
                                     const std::string& what) {
    torch::NoGradGuard noGrad;
    for (const torch::Tensor& tensor : tensors) {
        std::vector<torch::Tensor> one{tensor.is_contiguous() ? tensor : tensor.contiguous()};
        c10::intrusive_ptr<c10d::Work> work;
        try {
            work = m_impl->group->broadcast(one);
        } catch (const std::exception& error) {
            m_impl->fail(what, error);
        }
        m_impl->wait(*work, what);
        if (!one.front().is_same(tensor))
            tensor.copy_(one.front());
    }
}

void DistContext::publish(const std::string& key, const std::string& value) {
    try {
        m_impl->store->set(key, std::vector<std::uint8_t>(value.begin(), value.end()));
    } catch (const std::exception& error) {
        m_impl->fail("publishing '" + key + "'", error);
    }
}

std::string DistContext::read(const std::string& key) {
    try {
        const std::vector<std::uint8_t> bytes = m_impl->store->get(key);
        return std::string(bytes.begin(), bytes.end());
    } catch (const std::exception& error) {
        m_impl->fail("reading '" + key + "'", error);
    }
}

void DistContext::rank0Done(const std::string& tag) {
    publish("done/" + tag, "1");
}

void DistContext::waitForRank0(const std::string& tag) {
    try {
        m_impl->store->wait({"done/" + tag}, std::chrono::hours(2));
    } catch (const std::exception& error) {
        m_impl->fail("waiting for rank 0 (" + tag + ")", error);
    }
}

std::vector<std::string> DistContext::gatherAtRank0(const std::string& tag,
                                                    const std::string& text) {
    const std::string prefix = "gather/" + tag + "/";
    publish(prefix + std::to_string(rank()), text);
    std::vector<std::string> all;
    if (!isMain())
        return all;
    for (int r = 0; r < worldSize(); ++r)
        all.push_back(read(prefix + std::to_string(r)));
    return all;
}

std::string tensorDigest(const std::vector<torch::Tensor>& tensors) {
    std::uint64_t hash = 1469598103934665603ULL;
    for (const torch::Tensor& tensor : tensors) {
        const torch::Tensor host = tensor.detach().to(torch::kCPU).contiguous();
        const auto* bytes = static_cast<const unsigned char*>(host.data_ptr());
        const std::size_t n = static_cast<std::size_t>(host.numel()) * host.element_size();
        for (std::size_t i = 0; i < n; ++i)
            hash = (hash ^ bytes[i]) * 1099511628211ULL;
    }
    char text[17];
    std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(hash));
    return text;
}

} // namespace fb::dist
