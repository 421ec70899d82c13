// What the Evaluation page's Evaluate runs on (facebench/ui/evaluation_panel.h): the checkpoint
// of the run folder it shows, or an installed pretrained network, evaluated as `facebench-cli
// eval --pretrained MODEL --data DIR --out RUN/eval` does, whose results then show like a run's.
#include "facebench/ui/evaluation_panel.h"

#include "experiment/pretrained_choices.h"
#include "facebench/evaluation.h"
#include "facebench/run_directory.h"
#include "facebench/ui/to_qstring.h"

#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>

namespace fb::ui {

QHBoxLayout* EvaluationPanel::buildSourceRow() {
    m_source = new QComboBox;
    m_source->setObjectName(QStringLiteral("evaluationSource"));
    m_source->addItem(tr("The run's checkpoint"), QString());
    addPretrainedEntries(m_source);
    m_source->setToolTip(tr("Evaluate the run's best checkpoint, or an installed pretrained "
                            "network with its authors' pre-processing into the run folder above"));
    m_dataEdit = new QLineEdit(QStringLiteral("runs/synthetic"));
    m_dataEdit->setObjectName(QStringLiteral("evaluationData"));
    m_dataEdit->setToolTip(tr("The protocols' data folder (lfw/pairs.txt and the others), as "
                              "`data synth` writes it; a run brings its own (eval.data)"));
    m_dataEdit->setEnabled(false);
    connect(m_source, qOverload<int>(&QComboBox::activated), this, &EvaluationPanel::sourceChosen);
    auto* row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("Evaluate:")));
    row->addWidget(m_source);
    row->addWidget(new QLabel(tr("Protocol data:")));
    row->addWidget(m_dataEdit, 1);
    return row;
}

// A pretrained network writes into a folder of its own beside the runs shown so far.
void EvaluationPanel::sourceChosen() {
    const QString model = m_source->currentData().toString();
    m_dataEdit->setEnabled(!model.isEmpty());
    if (model.isEmpty())
        return;
    const QString shown = m_runEdit->text();
    const QDir runs = !shown.isEmpty() && QFileInfo(shown).isDir()
                          ? QFileInfo(QDir::cleanPath(shown)).dir()
                          : QDir(QDir::current().filePath(QStringLiteral("runs")));
    m_runEdit->setText(
        QDir::toNativeSeparators(runs.filePath(QStringLiteral("pretrained-") + model)));
}

bool EvaluationPanel::pretrainedRequest(const QString& folder, EvalRequest& request) {
    const QString model = m_source->currentData().toString();
    const QString weights = m_source->currentData(kPretrainedWeightsRole).toString();
    if (!QFileInfo(weights).isFile()) {
        m_status->setText(pretrainedSetupHint());
        return false;
    }
    const QString data = m_dataEdit->text().trimmed();
    if (data.isEmpty() || !QFileInfo(data).isDir()) {
        m_status->setText(tr("%1 is no protocol data folder: name the folder that holds "
                             "lfw/pairs.txt (`facebench-cli data synth` writes one)")
                              .arg(QDir::toNativeSeparators(data)));
        return false;
    }
    request.model = model.toStdString();
    request.weights = weights.toStdString();
    for (const PretrainedChoice& choice : pretrainedChoices())
        if (choice.model == model) // its authors' pre-processing, as eval --pretrained
            request.overrides.push_back("style.preprocess=" + choice.preprocess.toStdString());
    request.dataDir = QDir::fromNativeSeparators(data).toStdString();
    request.outDir = RunDirectory(QDir::fromNativeSeparators(folder).toStdString()).evalDir();
    return true;
}

} // namespace fb::ui
