#pragma once
// The synthetic data's own random numbers. std::mt19937_64's output is fixed by the standard,
// but std::*_distribution is not (libstdc++ and libc++ differ), so every distribution is done
// here: same seed, same bytes, whatever the standard library.
#include <cmath>
#include <cstdint>
#include <random>
#include <utility>
#include <vector>

namespace fb::synth {

// SplitMix64 finaliser: turns (seed, stream, index) into independent engine seeds, so each
// identity and each image has its own stream and images can be drawn in any order or thread.
inline std::uint64_t mix(std::uint64_t a, std::uint64_t b) {
    std::uint64_t z = a + 0x9E3779B97F4A7C15ull * (b + 1);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

class Rng {
public:
    explicit Rng(std::uint64_t seed) : m_engine(seed) {}

    std::uint64_t next() { return m_engine(); }
    // [0, 1) with 53 random bits.
    double uniform() { return double(next() >> 11) * (1.0 / 9007199254740992.0); }
    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
    // 0 .. n-1 (n > 0); the modulo bias (< n / 2^64) is irrelevant here.
    int index(int n) { return int(next() % std::uint64_t(n)); }
    bool chance(double p) { return uniform() < p; }
    double sign() { return chance(0.5) ? 1.0 : -1.0; }
    // Standard normal, Irwin-Hall of four 16-bit uniforms: one engine call, no libm, and close
    // enough to Gaussian for pixel noise and jitter.
    double normal() {
        const std::uint64_t v = next();
        const double sum = double(v & 0xFFFF) + double((v >> 16) & 0xFFFF) +
                           double((v >> 32) & 0xFFFF) + double(v >> 48);
        return (sum / 65536.0 - 2.0) * 1.7320508075688772; // variance 4/12 -> 1
    }
    // Index drawn with the given (unnormalised) weights.
    int weighted(std::initializer_list<double> weights) {
        double total = 0;
        for (double w : weights)
            total += w;
        double u = uniform() * total;
        int i = 0;
        for (double w : weights) {
            if (u < w)
                return i;
            u -= w;
            ++i;
        }
        return i - 1;
    }
    template <class T> void shuffle(std::vector<T>& items) {
        for (std::size_t i = items.size(); i > 1; --i)
            std::swap(items[i - 1], items[std::size_t(index(int(i)))]);
    }

private:
    std::mt19937_64 m_engine;
};

} // namespace fb::synth
