#pragma once
// Helpers shared by the model-zoo suites (test_models, test_models_slow). Compiled with
// QT_NO_KEYWORDS: torch headers and Qt's `slots` macro cannot meet (docs/ARCHITECTURE.md).
#include "models/face_model.h"

#include <QString>
#include <QtTest>

#include <fstream>
#include <map>
#include <sstream>
#include <string>

namespace fb::test {

// "name -> 64x3x7x7" (or "scalar") for every parameter and buffer: a state_dict's keys.
inline std::map<std::string, std::string> stateDictShapes(const torch::nn::Module& model) {
    std::map<std::string, std::string> shapes;
    auto add = [&shapes](const std::string& name, const torch::Tensor& tensor) {
        std::string shape;
        for (std::int64_t size : tensor.sizes())
            shape += (shape.empty() ? "" : "x") + std::to_string(size);
        shapes[name] = tensor.dim() == 0 ? "scalar" : shape;
    };
    for (const auto& item : model.named_parameters())
        add(item.key(), item.value());
    for (const auto& item : model.named_buffers())
        add(item.key(), item.value());
    return shapes;
}

// tests/data/torchvision/<file>.txt: torchvision 0.14's state_dict keys and shapes, written by
// /usr/bin/python3 (see the file's first line).
inline std::map<std::string, std::string> torchvisionShapes(const QString& file) {
    const QString path =
        qEnvironmentVariable("FACEBENCH_SOURCE_DIR") + "/tests/data/torchvision/" + file + ".txt";
    std::ifstream in(path.toStdString());
    std::map<std::string, std::string> shapes;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#')
            continue;
        std::istringstream fields(line);
        std::string name, shape;
        fields >> name >> shape;
        shapes[name] = shape;
    }
    return shapes;
}

// Compares key sets and shapes; the message lists the first differences.
inline QString compareShapes(const std::map<std::string, std::string>& ours,
                             const std::map<std::string, std::string>& theirs) {
    QStringList problems;
    for (const auto& [name, shape] : theirs) {
        const auto found = ours.find(name);
        if (found == ours.end())
            problems << QString::fromStdString("missing " + name);
        else if (found->second != shape)
            problems << QString::fromStdString(name + " is " + found->second + ", torchvision " +
                                               shape);
    }
    for (const auto& [name, shape] : ours)
        if (!theirs.count(name))
            problems << QString::fromStdString("unexpected " + name);
    return problems.mid(0, 8).join("; ");
}

// Forward and backward at batch 2 in training mode; checks shapes and that every trainable
// parameter got a finite gradient.
inline void checkForwardBackward(FaceModel& model, const std::string& name, int channels,
                                 int height, int width, std::int64_t numClasses, int auxHeads) {
    torch::manual_seed(0);
    model.train();
    const torch::Tensor images = torch::randn({2, channels, height, width});
    const ModelOutput out = model.forward(images);
    QVERIFY2(out.embedding.defined(), name.c_str());
    QCOMPARE(out.embedding.sizes().vec(), (std::vector<std::int64_t>{2, model.embeddingDim()}));
    QVERIFY(out.logits.defined());
    QCOMPARE(out.logits.sizes().vec(), (std::vector<std::int64_t>{2, numClasses}));
    QCOMPARE(static_cast<int>(out.auxLogits.size()), auxHeads);
    const torch::Tensor target = torch::tensor({0, 1}, torch::kLong);
    torch::Tensor loss = torch::nn::functional::cross_entropy(out.logits, target);
    for (const torch::Tensor& aux : out.auxLogits) {
        QCOMPARE(aux.sizes().vec(), (std::vector<std::int64_t>{2, numClasses}));
        loss = loss + 0.3 * torch::nn::functional::cross_entropy(aux, target);
    }
    QVERIFY(std::isfinite(loss.item<double>()));
    loss.backward();
    for (const auto& item : model.named_parameters()) {
        if (!item.value().requires_grad())
            continue;
        const torch::Tensor grad = item.value().grad();
        QVERIFY2(grad.defined(), (name + ": no gradient for " + item.key()).c_str());
        QVERIFY2(torch::isfinite(grad).all().item<bool>(),
                 (name + ": non-finite gradient in " + item.key()).c_str());
    }
    // Eval mode: no auxiliary logits, same shapes.
    model.eval();
    torch::NoGradGuard noGrad;
    const ModelOutput evalOut = model.forward(images);
    QCOMPARE(static_cast<int>(evalOut.auxLogits.size()), 0);
    QCOMPARE(evalOut.logits.sizes().vec(), (std::vector<std::int64_t>{2, numClasses}));
}

} // namespace fb::test
