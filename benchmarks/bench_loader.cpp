// Loader throughput (seed Section 4.3.2: t_data of eq. 7 must not bound the step):
// face-style training batches (resize to 112x112, flip, (x - 127.5) / 128) from a folder of
// JPEGs, as images per second after a warm-up batch. benchmarks/bench_loader.sh runs it beside
// a PyTorch DataLoader on the same files.
//
//   bench_loader make DIR COUNT             write COUNT 250x250 JPEGs as DIR/<identity>/<n>.jpg
//   bench_loader run DIR [WORKERS] [BATCH] [EPOCHS]   time the loader (defaults 2, 64, 2)
#include "data/batch_loader.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <sys/resource.h>
#include <string>

namespace fs = std::filesystem;

namespace {

// CPU seconds of this process, all threads: images per CPU-second does not depend on what else
// the machine runs, unlike images per second.
double cpuSeconds() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
           (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) * 1e-6;
}

// Face-like content for realistic JPEG sizes (~15-25 KB at 250x250): a shaded background, a
// skin-toned ellipse with darker features, and sensor noise.
int make(const fs::path& dir, int count) {
    std::mt19937 rng(1);
    std::uniform_int_distribution<int> tone(60, 220);
    std::normal_distribution<float> noise(0.f, 6.f);
    for (int i = 0; i < count; ++i) {
        const fs::path folder = dir / ("id" + std::to_string(i / 20));
        fs::create_directories(folder);
        cv::Mat image(250, 250, CV_8UC3);
        const cv::Scalar background(tone(rng), tone(rng), tone(rng));
        for (int y = 0; y < 250; ++y)
            image.row(y).setTo(background * (0.6 + 0.4 * y / 250.0));
        cv::ellipse(image, {125 + tone(rng) % 20 - 10, 130}, {70, 95}, 0, 0, 360,
                    cv::Scalar(tone(rng) / 2 + 60, tone(rng) / 2 + 80, tone(rng) / 2 + 110), -1,
                    cv::LINE_AA);
        for (int eye : {95, 155})
            cv::circle(image, {eye, 110}, 9, cv::Scalar(40, 40, 50), -1, cv::LINE_AA);
        cv::ellipse(image, {125, 185}, {28, 10}, 0, 0, 180, cv::Scalar(60, 60, 150), 3,
                    cv::LINE_AA);
        cv::GaussianBlur(image, image, {5, 5}, 1.5);
        cv::Mat grain(image.size(), CV_32FC3);
        for (auto it = grain.begin<cv::Vec3f>(); it != grain.end<cv::Vec3f>(); ++it)
            *it = cv::Vec3f(noise(rng), noise(rng), noise(rng));
        cv::Mat noisy;
        image.convertTo(noisy, CV_32FC3);
        noisy += grain;
        noisy.convertTo(image, CV_8UC3);
        cv::imwrite((folder / (std::to_string(i) + ".jpg")).string(), image,
                    {cv::IMWRITE_JPEG_QUALITY, 92});
    }
    return 0;
}

std::shared_ptr<fb::DatasetIndex> scan(const fs::path& dir) {
    auto index = std::make_shared<fb::DatasetIndex>();
    index->root = dir.string();
    std::vector<fs::path> folders;
    for (const auto& entry : fs::directory_iterator(dir))
        if (entry.is_directory())
            folders.push_back(entry.path());
    std::sort(folders.begin(), folders.end());
    for (const fs::path& folder : folders) {
        std::vector<fs::path> files;
        for (const auto& entry : fs::directory_iterator(folder))
            if (entry.path().extension() == ".jpg")
                files.push_back(entry.path());
        std::sort(files.begin(), files.end());
        const auto label = static_cast<std::int32_t>(index->identities.size());
        index->identities.push_back(folder.filename().string());
        for (const fs::path& file : files) {
            fb::IndexedImage image;
            image.path = file.string();
            image.size = static_cast<std::int64_t>(fs::file_size(file));
            image.label = label;
            index->images.push_back(image);
        }
    }
    return index;
}

int run(const fs::path& dir, int workers, int batch, int epochs) {
    const auto index = scan(dir);
    if (index->images.empty()) {
        std::fprintf(stderr, "bench_loader: no .jpg files under %s/<identity>/\n", dir.c_str());
        return 2;
    }
    fb::data::LoaderOptions options;
    options.batchSize = batch;
    options.workers = workers;
    options.prefetchBatches = 2 * workers;
    options.seed = 1;
    options.lastBatch = fb::LastBatch::Keep;
    options.preprocess.style = fb::PreprocessStyle::Face;
    options.preprocess.train = true;
    options.preprocess.imageHeight = options.preprocess.imageWidth = 112;
    options.preprocess.inputHeight = options.preprocess.inputWidth = 112;
    fb::data::BatchLoader loader(index, options);
    loader.next(); // warm-up: threads started, first files read
    const std::int64_t batches = loader.batchesPerEpoch() * epochs - 1;
    std::int64_t images = 0;
    double waited = 0;
    const auto start = std::chrono::steady_clock::now();
    const double cpuStart = cpuSeconds();
    for (std::int64_t i = 0; i < batches; ++i) {
        const fb::data::Batch b = loader.next();
        images += b.images.size(0);
        waited += b.waitSeconds;
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const double cpu = cpuSeconds() - cpuStart;
    std::printf("{\"loader\": \"facebench\", \"workers\": %d, \"batch\": %d, \"images\": %lld, "
                "\"seconds\": %.3f, \"images_per_second\": %.1f, \"cpu_seconds\": %.3f, "
                "\"images_per_cpu_second\": %.1f, \"waited_seconds\": %.3f, \"bad_images\": %zu}\n",
                workers, batch, static_cast<long long>(images), seconds, images / seconds, cpu,
                images / cpu, waited, loader.badImages().size());
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    const std::string verb = argc > 2 ? argv[1] : "";
    if (verb == "make" && argc == 4)
        return make(argv[2], std::max(1, std::atoi(argv[3])));
    if (verb == "run")
        return run(argv[2], argc > 3 ? std::atoi(argv[3]) : 2, argc > 4 ? std::atoi(argv[4]) : 64,
                   argc > 5 ? std::max(1, std::atoi(argv[5])) : 2);
    std::fprintf(
        stderr,
        "usage: bench_loader make DIR COUNT | bench_loader run DIR [WORKERS] [BATCH] [EPOCHS]\n");
    return 2;
}
