#pragma once
// The pretrained networks (facebench/pretrained_weights.h) as the Experiment, Evaluation and
// Benchmark pages offer them: a "Pretrained" group of a model picker listing the installed ones,
// or, when none is installed, one disabled entry naming the setup command that fetches them.
#include <QList>
#include <QString>
#include <qnamespace.h>

class QComboBox;

namespace fb::ui {

struct PretrainedChoice {
    QString model;       // catalog name, the network's architecture
    QString weights;     // its FaceBench weights file in the user's data folder
    QString preprocess;  // style.preprocess of its authors ("face", "face-api")
    QString description; // where it comes from
    bool installed = false;
};

// Every pretrained network, each with whether its weights file is there now.
QList<PretrainedChoice> pretrainedChoices();
// The installed ones only.
QList<PretrainedChoice> installedPretrained();
// "… run bash packaging/setup.sh weights …": what to do when none is installed.
QString pretrainedSetupHint();

// Item data role of a picker's pretrained entries that holds the weights file (Qt::UserRole
// holds the model name).
constexpr int kPretrainedWeightsRole = Qt::UserRole + 1;

// Appends to `combo` a disabled "Pretrained" heading and one entry per installed network, or
// when none is installed one disabled entry whose text and tooltip name the setup command.
void addPretrainedEntries(QComboBox* combo);

} // namespace fb::ui
