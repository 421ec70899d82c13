#include <facebench/ui/experiment_panel.h>

#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScopedValueRollback>
#include <QScrollArea>
#include <QSpinBox>
#include <QVBoxLayout>

#include <facebench/atomic_file.h>
#include <facebench/errors.h>
#include <facebench/model_catalog.h>
#include <facebench/presets.h>
#include <facebench/run_metrics.h>
#include <facebench/runtime.h>
#include <facebench/ui/to_qstring.h>

#include "pretrained_choices.h"
#include "schedule_preview.h"

namespace fb::ui {
namespace {

// Which form field shows an error about a config key.
QString fieldKeyFor(const QString& key) {
    if (key == QLatin1String("train.epochs") || key == QLatin1String("train.iterations"))
        return QStringLiteral("train.length");
    if (key == QLatin1String("data.image_size"))
        return QStringLiteral("data.input_size");
    if (key.startsWith(QLatin1String("style")))
        return QStringLiteral("style.framework");
    return key;
}

// The pre-processing row a pretrained network's catalog entry names ("face", "face-api").
fb::PreprocessStyle preprocessNamed(const QString& name, fb::PreprocessStyle fallback) {
    using P = fb::PreprocessStyle;
    for (P style : {P::PyTorch, P::TensorFlow, P::Caffe, P::TensorFlowInception, P::LightCnn,
                    P::Face, P::FaceApi})
        if (name == QLatin1String(fb::styleName(style)))
            return style;
    return fallback;
}

} // namespace

ExperimentPanel::ExperimentPanel(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("experimentPanel"));
    buildForm();
    // A first experiment that runs anywhere: the quick start's small network at 64x64.
    try {
        setConfig(fb::parseExperimentConfig("model:\n  name: small-resnet-64\n", "defaults"));
    } catch (const std::exception&) {
        setConfig(fb::ExperimentConfig{});
    }
}

void ExperimentPanel::setConfig(const fb::ExperimentConfig& c) {
    m_config = c;
    {
        const QScopedValueRollback<bool> guard(m_updating, true);
        const int preset = m_preset->findData(toQString(c.preset));
        m_preset->setCurrentIndex(preset < 0 ? 0 : preset);
        m_presetInfo->setText(c.preset.empty() ? QString()
                                               : toQString(fb::findPreset(c.preset).description));
        m_trainData->setText(toQString(c.data.train));
        m_valSplit->setValue(c.data.valSplit);
        m_model->setCurrentIndex(std::max(0, m_model->findData(toQString(c.model.name))));
        showStartWeights(c);
        if (c.data.inputSize.size() == 2) {
            m_inputH->setValue(int(c.data.inputSize[0]));
            m_inputW->setValue(int(c.data.inputSize[1]));
        }
        m_batchSize->setValue(int(c.train.batchSize));
        m_logEvery->setValue(int(c.train.logEvery));
        m_valEvery->setValue(int(c.train.valEvery));
        m_framework->setCurrentIndex(std::max(0, m_framework->findData(int(c.style.framework))));
        m_head->setCurrentIndex(std::max(0, m_head->findData(toQString(c.head.type))));
        m_headS->setValue(c.head.s);
        m_headM->setValue(c.head.m);
        m_centerLambda->setValue(c.head.centerLambda);
        m_momentum->setValue(c.optim.momentum);
        m_weightDecay->setValue(c.optim.weightDecay);
        m_scheduleForm->setCurrentIndex(
            std::max(0, m_scheduleForm->findData(toQString(c.schedule.form))));
        m_baseLr->setValue(c.schedule.baseLr);
        m_gamma->setValue(c.schedule.gamma);
        m_everyEpochs->setValue(int(c.schedule.everyEpochs));
        QStringList milestones;
        for (std::int64_t m : c.schedule.milestones)
            milestones << QString::number(m);
        m_milestones->setText(milestones.join(QStringLiteral(", ")));
        m_power->setValue(c.schedule.power);
        m_warmup->setValue(int(c.schedule.warmupIterations));
        const bool iterations = c.train.iterations > 0;
        m_lengthKind->setCurrentIndex(iterations ? 0 : 1);
        m_length->setValue(int(iterations ? c.train.iterations : c.train.epochs));
        int device = m_device->findData(toQString(c.device.name));
        if (device < 0 && c.device.name == "cuda")
            device = m_device->findData(QStringLiteral("cuda:0"));
        m_device->setCurrentIndex(std::max(0, device));
        m_outputDir->setText(toQString(c.output.dir));
        m_outputName->setText(toQString(c.output.name));
    }
    formChanged();
}

fb::ExperimentConfig ExperimentPanel::formConfig() const {
    fb::ExperimentConfig c = m_config;
    c.data.train = m_trainData->text().trimmed().toStdString();
    c.data.valSplit = m_valSplit->value();
    c.model.name = m_model->currentData().toString().toStdString();
    c.data.inputSize = {m_inputH->value(), m_inputW->value()};
    // The images are resized straight to the input size unless the config asked otherwise.
    if (m_config.data.imageSize == m_config.data.inputSize)
        c.data.imageSize = c.data.inputSize;
    c.train.batchSize = m_batchSize->value();
    c.train.logEvery = m_logEvery->value();
    c.train.valEvery = m_valEvery->value();
    const auto framework = static_cast<fb::Framework>(m_framework->currentData().toInt());
    if (framework != c.style.framework) // all of its own defaults (Tables 11-12, Section 4.1)
        c.style = fb::frameworkStyle(framework);
    c.model.weights = m_startFrom->currentData(kPretrainedWeightsRole).toString().toStdString();
    // A pretrained network is fine-tuned on the pre-processing its authors trained it with.
    for (const PretrainedChoice& choice : pretrainedChoices())
        if (choice.model == m_startFrom->currentData().toString() &&
            choice.weights == toQString(c.model.weights))
            c.style.preprocess = preprocessNamed(choice.preprocess, c.style.preprocess);
    c.head.type = m_head->currentData().toString().toStdString();
    c.head.s = m_headS->value();
    c.head.m = m_headM->value();
    c.head.centerLambda = m_centerLambda->value();
    c.optim.type = m_optimiser->currentData().toString().toStdString();
    c.optim.momentum = m_momentum->value();
    c.optim.weightDecay = m_weightDecay->value();
    c.schedule.form = m_scheduleForm->currentData().toString().toStdString();
    c.schedule.baseLr = m_baseLr->value();
    c.schedule.gamma = m_gamma->value();
    c.schedule.everyEpochs = m_everyEpochs->value();
    c.schedule.milestones.clear();
    const QStringList parts = m_milestones->text().split(
        QRegularExpression(QStringLiteral("[,;\\s]+")), Qt::SkipEmptyParts);
    for (const QString& part : parts) {
        bool ok = false;
        const qlonglong value = part.toLongLong(&ok);
        if (!ok)
            throw fb::InputError(fb::SourceLocation{"experiment"}, "schedule.milestones",
                                 "'" + part.toStdString() + "' is not a whole number");
        c.schedule.milestones.push_back(value);
    }
    c.schedule.power = m_power->value();
    c.schedule.warmupIterations = m_warmup->value();
    if (m_lengthKind->currentIndex() == 0) {
        c.train.iterations = m_length->value();
        c.train.epochs = 0;
    } else {
        c.train.epochs = m_length->value();
        c.train.iterations = 0;
    }
    c.device.name = m_device->currentData().toString().toStdString();
    c.output.dir = m_outputDir->text().trimmed().toStdString();
    c.output.name = m_outputName->text().trimmed().toStdString();
    return c;
}

fb::ExperimentConfig ExperimentPanel::config() const {
    // Through the YAML loader: derived defaults resolve and every rule a file obeys applies.
    fb::ExperimentConfig c = fb::parseExperimentConfig(fb::toYaml(formConfig()), "experiment");
    fb::validateExperimentConfig(c);
    if (!m_baseFolder.isEmpty()) {
        const QDir base(m_baseFolder);
        if (!c.data.train.empty() && QDir::isRelativePath(toQString(c.data.train)))
            c.data.train = base.absoluteFilePath(toQString(c.data.train)).toStdString();
        if (QDir::isRelativePath(toQString(c.output.dir)))
            c.output.dir = base.absoluteFilePath(toQString(c.output.dir)).toStdString();
    }
    return c;
}

fb::ExperimentConfig ExperimentPanel::trainingConfig() {
    fb::ExperimentConfig c = config();
    const QString train = toQString(c.data.train);
    QString problem;
    if (train.isEmpty())
        problem = tr("choose the training set: a folder with one subfolder of images per "
                     "identity, or a list file");
    else if (!c.data.synthetic && !QFileInfo::exists(train))
        problem = tr("%1 does not exist").arg(QDir::toNativeSeparators(train));
    if (!problem.isEmpty()) {
        clearErrors();
        showError(QStringLiteral("data.train"), problem);
        throw fb::InputError(fb::SourceLocation{"experiment"}, "data.train", problem.toStdString());
    }
    return c;
}

void ExperimentPanel::formChanged() {
    if (m_updating)
        return;
    updateHeadFields();
    updateScheduleFields();
    updateModelInfo();
    clearErrors();
    try {
        const fb::ExperimentConfig c = config();
        m_schedulePreview->setConfig(c);
    } catch (const fb::InputError& e) {
        showError(toQString(e.key()), toQString(e.key().empty() ? e.what() : e.problem()));
    } catch (const std::exception& e) {
        showError(QString(), toQString(e.what()));
    }
    emit configChanged();
}

void ExperimentPanel::updateHeadFields() {
    const QString type = m_head->currentData().toString();
    // The combined margin takes m1, m2 and m3 instead of m; SphereFace scales by the norm.
    const bool cosineHead = type == QLatin1String("cosface") || type == QLatin1String("arcface") ||
                            type == QLatin1String("combined") ||
                            type == QLatin1String("curricularface") ||
                            type == QLatin1String("adaface");
    m_headS->setEnabled(cosineHead);
    m_headM->setEnabled((cosineHead && type != QLatin1String("combined")) ||
                        type == QLatin1String("sphereface"));
    m_centerLambda->setEnabled(type == QLatin1String("center"));
}

void ExperimentPanel::updateScheduleFields() {
    const QString form = m_scheduleForm->currentData().toString();
    m_gamma->setEnabled(form == QLatin1String("step") || form == QLatin1String("multistep"));
    m_everyEpochs->setEnabled(form == QLatin1String("step"));
    m_milestones->setEnabled(form == QLatin1String("multistep"));
    m_power->setEnabled(form == QLatin1String("poly"));
}

void ExperimentPanel::updateModelInfo() {
    const fb::ModelInfo* info = fb::findModel(m_model->currentData().toString().toStdString());
    if (!info) {
        m_modelInfo->clear();
        return;
    }
    m_modelInfo->setText(tr("%1 — native input %2×%3, %4-d embedding, %5 M parameters without "
                            "classifier")
                             .arg(toQString(info->description))
                             .arg(info->inputHeight)
                             .arg(info->inputWidth)
                             .arg(info->embeddingDim)
                             .arg(double(info->backboneParameters) / 1e6, 0, 'f', 2));
}

// Selects the entry of `config`'s model.weights in the start picker; a file that is no installed
// pretrained network (a loaded YAML's) gets an entry of its own.
void ExperimentPanel::showStartWeights(const fb::ExperimentConfig& config) {
    const QString weights = toQString(config.model.weights);
    // The first match: the headings below "Random initialisation" carry no data and would match
    // an empty model.weights too.
    int index = -1;
    for (int i = 0; i < m_startFrom->count() && index < 0; ++i)
        if (m_startFrom->itemData(i, kPretrainedWeightsRole).toString() == weights &&
            m_startFrom->itemData(i).toString() ==
                (weights.isEmpty() ? QString() : toQString(config.model.name)))
            index = i;
    if (index < 0) {
        m_startFrom->addItem(tr("Weights file %1").arg(QFileInfo(weights).fileName()),
                             toQString(config.model.name));
        index = m_startFrom->count() - 1;
        m_startFrom->setItemData(index, weights, kPretrainedWeightsRole);
        m_startFrom->setItemData(index, QDir::toNativeSeparators(weights), Qt::ToolTipRole);
    }
    m_startFrom->setCurrentIndex(index);
}

// A pretrained network chosen to start from brings its model, native input size and the
// PyTorch style (its authors' pre-processing: RGB, whatever a Caffe style would read).
void ExperimentPanel::startFromPretrained() {
    const QString model = m_startFrom->currentData().toString();
    if (!model.isEmpty()) {
        const QScopedValueRollback<bool> guard(m_updating, true);
        m_model->setCurrentIndex(std::max(0, m_model->findData(model)));
        if (const fb::ModelInfo* info = fb::findModel(model.toStdString())) {
            m_inputH->setValue(info->inputHeight);
            m_inputW->setValue(info->inputWidth);
        }
        m_framework->setCurrentIndex(
            std::max(0, m_framework->findData(int(fb::Framework::PyTorch))));
    }
    formChanged();
}

void ExperimentPanel::clearErrors() {
    for (const Field& field : m_fields) {
        field.error->hide();
        field.error->clear();
        field.editor->setStyleSheet(QString());
    }
    m_banner->hide();
    if (!m_currentError.isEmpty()) {
        m_currentError.clear();
        emit errorChanged(QString());
    }
}

void ExperimentPanel::showError(const QString& key, const QString& message) {
    m_currentError = key.isEmpty() ? message : key + QStringLiteral(": ") + message;
    const auto it = m_fields.find(fieldKeyFor(key));
    if (it != m_fields.end()) {
        it->error->setText(message);
        it->error->show();
        it->editor->setStyleSheet(QStringLiteral("border: 1px solid #c0392b;"));
    } else {
        m_banner->setText(m_currentError);
        m_banner->show();
    }
    emit errorChanged(m_currentError);
}

QString ExperimentPanel::fieldError(const QString& key) const {
    const auto it = m_fields.find(key);
    return it == m_fields.end() ? QString() : it->error->text();
}

int ExperimentPanel::processCount() const {
    return m_processes->value();
}

bool ExperimentPanel::applyPreset(const QString& name) {
    try {
        setConfig(fb::parseExperimentConfig("preset: " + name.toStdString() + "\n",
                                            "preset " + name.toStdString()));
        return true;
    } catch (const std::exception& e) {
        showError(QString(), toQString(e.what()));
        return false;
    }
}

bool ExperimentPanel::loadYaml(const QString& path) {
    try {
        // An empty file would load as "every default": a form nobody asked for.
        if (fb::isBlankConfigFile(path.toStdString()))
            throw fb::InputError(fb::SourceLocation{path.toStdString()}, "",
                                 tr("the file is empty: it holds no experiment settings. Choose "
                                    "another file or fill in the form and save it")
                                     .toStdString());
        const fb::ExperimentConfig c = fb::loadExperimentConfig(path.toStdString());
        m_yamlPath = path;
        setConfig(c);
        return true;
    } catch (const fb::InputError& e) {
        // The form keeps its values; the banner names the file and line, the field the key.
        clearErrors();
        showError(toQString(e.key()), toQString(e.problem()));
        m_currentError = toQString(e.what());
        m_banner->setText(
            tr("Could not load %1:\n%2").arg(QDir::toNativeSeparators(path), toQString(e.what())));
        m_banner->show();
        emit errorChanged(m_currentError);
        return false;
    } catch (const std::exception& e) {
        clearErrors();
        showError(QString(), tr("Could not load %1: %2").arg(path, toQString(e.what())));
        return false;
    }
}

bool ExperimentPanel::saveYaml(const QString& path) {
    try {
        fb::writeFileAtomically(path.toStdString(), fb::toYaml(config()));
        m_yamlPath = path;
        return true;
    } catch (const std::exception& e) {
        m_banner->setText(tr("Could not save %1: %2").arg(path, toQString(e.what())));
        m_banner->show();
        return false;
    }
}

void ExperimentPanel::setBaseFolder(const QString& folder) {
    m_baseFolder = folder;
    formChanged();
}

void ExperimentPanel::chooseLoad() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Load Experiment"), m_baseFolder,
                                                      tr("Experiment YAML (*.yaml *.yml)"));
    if (!path.isEmpty())
        loadYaml(path);
}

void ExperimentPanel::chooseSave() {
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save Experiment"), m_yamlPath.isEmpty() ? m_baseFolder : m_yamlPath,
        tr("Experiment YAML (*.yaml *.yml)"));
    if (!path.isEmpty())
        saveYaml(path);
}

} // namespace fb::ui
