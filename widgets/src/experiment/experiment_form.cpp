// The Experiment panel's form: its fields, grouped as the config's sections, and the wiring
// that re-validates on every edit (split from experiment_panel.cpp to keep each file short).
#include <facebench/ui/experiment_panel.h>
#include <facebench/ui/to_qstring.h>

#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHash>
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
#include <facebench/runtime.h>

#include "pretrained_choices.h"
#include "schedule_preview.h"

namespace fb::ui {
namespace {

QDoubleSpinBox* realBox(double min, double max, int decimals, double step) {
    auto* box = new QDoubleSpinBox;
    box->setRange(min, max);
    box->setDecimals(decimals);
    box->setSingleStep(step);
    return box;
}

QSpinBox* intBox(int min, int max) {
    auto* box = new QSpinBox;
    box->setRange(min, max);
    return box;
}

} // namespace

QWidget* ExperimentPanel::addField(QFormLayout* form, const QString& key, const QString& label,
                                   QWidget* editor, const QString& toolTip) {
    auto* box = new QWidget;
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(editor);
    auto* error = new QLabel;
    error->setObjectName(QStringLiteral("error:") + key);
    error->setStyleSheet(QStringLiteral("color: #c0392b;"));
    error->setWordWrap(true);
    error->hide();
    layout->addWidget(error);
    editor->setObjectName(key);
    editor->setToolTip(
        toolTip.isEmpty() ? key : toolTip + QStringLiteral("\n(") + key + QLatin1Char(')'));
    form->addRow(label, box);
    m_fields.insert(key, Field{editor, error});
    return box;
}

void ExperimentPanel::buildForm() {
    QHBoxLayout* toolbar = buildToolbar();
    m_banner = new QLabel;
    m_banner->setObjectName(QStringLiteral("errorBanner"));
    m_banner->setWordWrap(true);
    m_banner->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_banner->setStyleSheet(QStringLiteral("QLabel { background: #fdecea; color: #8e1b10; border: "
                                           "1px solid #e6a49c; padding: 6px; }"));
    m_banner->hide();

    QGroupBox* dataBox = buildDataBox();
    QGroupBox* headBox = buildHeadBox();
    QGroupBox* scheduleBox = buildScheduleBox();
    QGroupBox* deviceBox = buildDeviceBox();

    auto* columns = new QHBoxLayout;
    auto* left = new QVBoxLayout;
    left->addWidget(dataBox);
    left->addWidget(headBox);
    left->addStretch(1);
    auto* middle = new QVBoxLayout;
    middle->addWidget(scheduleBox);
    middle->addWidget(deviceBox);
    middle->addStretch(1);
    auto* right = new QVBoxLayout;
    right->addWidget(m_schedulePreview, 1);
    columns->addLayout(left, 1);
    columns->addLayout(middle, 1);
    columns->addLayout(right, 1);

    auto* content = new QWidget;
    auto* contentLayout = new QVBoxLayout(content);
    contentLayout->addLayout(toolbar);
    contentLayout->addWidget(m_presetInfo);
    contentLayout->addWidget(m_banner);
    contentLayout->addLayout(columns, 1);
    auto* scroll = new QScrollArea;
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);
    // Last: it finds the spin boxes among the panel's children, which they become only now.
    connectEdits();
}

// Preset, load, save; the preset's description goes to m_presetInfo below it.
QHBoxLayout* ExperimentPanel::buildToolbar() {
    m_preset = new QComboBox;
    m_preset->setObjectName(QStringLiteral("presetCombo"));
    m_preset->setToolTip(tr("The models and losses of the study, with its hyper-parameters "
                            "(Table 2 of the paper)"));
    m_preset->addItem(tr("(no preset)"), QString());
    for (const fb::PresetInfo& preset : fb::presets()) {
        m_preset->addItem(toQString(preset.name), toQString(preset.name));
        m_preset->setItemData(m_preset->count() - 1, toQString(preset.description),
                              Qt::ToolTipRole);
    }
    m_presetInfo = new QLabel;
    m_presetInfo->setWordWrap(true);
    m_presetInfo->setObjectName(QStringLiteral("presetInfo"));
    connect(m_preset, qOverload<int>(&QComboBox::activated), this, [this](int index) {
        const QString name = m_preset->itemData(index).toString();
        if (!name.isEmpty())
            applyPreset(name);
    });
    auto* load = new QPushButton(tr("Load YAML…"));
    load->setObjectName(QStringLiteral("loadYamlButton"));
    auto* save = new QPushButton(tr("Save YAML…"));
    save->setObjectName(QStringLiteral("saveYamlButton"));
    connect(load, &QPushButton::clicked, this, &ExperimentPanel::chooseLoad);
    connect(save, &QPushButton::clicked, this, &ExperimentPanel::chooseSave);
    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Preset:")));
    top->addWidget(m_preset);
    top->addStretch(1);
    top->addWidget(load);
    top->addWidget(save);
    return top;
}

// Training set, validation split, model, input size, batch size and framework style.
QGroupBox* ExperimentPanel::buildDataBox() {
    auto* dataBox = new QGroupBox(tr("Data and model"));
    auto* dataForm = new QFormLayout(dataBox);
    m_trainData = new QLineEdit;
    m_trainData->setPlaceholderText(tr("training folder or list file"));
    addField(dataForm, QStringLiteral("data.train"), tr("Training set:"), m_trainData,
             tr("ImageFolder (train/<identity>/*.jpg), LFW folder or list file"));
    m_valSplit = realBox(0, 0.9, 2, 0.05);
    addField(dataForm, QStringLiteral("data.val_split"), tr("Validation split:"), m_valSplit,
             tr("Fraction of each identity's images held out for validation"));
    m_model = new QComboBox;
    for (const std::string& name : fb::modelNames())
        m_model->addItem(toQString(name), toQString(name));
    addField(dataForm, QStringLiteral("model.name"), tr("Model:"), m_model);
    m_modelInfo = new QLabel;
    m_modelInfo->setObjectName(QStringLiteral("modelInfo"));
    m_modelInfo->setWordWrap(true);
    dataForm->addRow(QString(), m_modelInfo);
    m_startFrom = new QComboBox;
    m_startFrom->addItem(tr("Random initialisation"), QString());
    m_startFrom->setItemData(0, QString(), kPretrainedWeightsRole);
    addPretrainedEntries(m_startFrom);
    addField(dataForm, QStringLiteral("model.weights"), tr("Start from:"), m_startFrom,
             tr("Fine-tune an installed pretrained network: its model, input size and "
                "pre-processing, its weights as the backbone's start"));
    auto* sizeRow = new QWidget;
    auto* sizeLayout = new QHBoxLayout(sizeRow);
    sizeLayout->setContentsMargins(0, 0, 0, 0);
    m_inputH = intBox(8, 4096);
    m_inputH->setObjectName(QStringLiteral("inputHeight"));
    m_inputW = intBox(8, 4096);
    m_inputW->setObjectName(QStringLiteral("inputWidth"));
    m_inputH->setSuffix(tr(" px"));
    m_inputW->setSuffix(tr(" px"));
    sizeLayout->addWidget(m_inputH);
    sizeLayout->addWidget(new QLabel(tr("×")));
    sizeLayout->addWidget(m_inputW);
    addField(dataForm, QStringLiteral("data.input_size"), tr("Input size (H × W):"), sizeRow);
    m_batchSize = intBox(1, 1 << 20);
    addField(dataForm, QStringLiteral("train.batch_size"), tr("Batch size:"), m_batchSize);
    m_framework = new QComboBox;
    // Item data: the fb::Framework value.
    m_framework->addItem(tr("PyTorch"), int(fb::Framework::PyTorch));
    m_framework->addItem(tr("TensorFlow (NHWC, drops the last batch)"),
                         int(fb::Framework::TensorFlow));
    m_framework->addItem(tr("Caffe (wraps the last batch)"), int(fb::Framework::Caffe));
    addField(dataForm, QStringLiteral("style.framework"), tr("Style:"), m_framework,
             tr("Pre-processing, weight initialisation, last batch and memory format follow this "
                "framework (Tables 11 and 12 of the paper)"));
    return dataBox;
}

// Loss head with its s, m and lambda, and the optimiser.
QGroupBox* ExperimentPanel::buildHeadBox() {
    auto* headBox = new QGroupBox(tr("Loss head and optimiser"));
    auto* headForm = new QFormLayout(headBox);
    m_head = new QComboBox;
    for (const char* type : {"softmax", "center", "sphereface", "cosface", "arcface", "combined",
                             "curricularface", "adaface"})
        m_head->addItem(QString::fromLatin1(type), QString::fromLatin1(type));
    addField(
        headForm, QStringLiteral("head.type"), tr("Head:"), m_head,
        tr("Softmax, center loss, A-Softmax (SphereFace), CosFace or ArcFace (eq. 1-5 of the "
           "paper), or a later margin head: the combined margin cos(m1 θ + m2) − m3, "
           "CurricularFace or AdaFace (their further keys come from the preset or YAML file)"));
    m_headS = realBox(0.01, 1024, 2, 1);
    addField(headForm, QStringLiteral("head.s"), tr("Scale s:"), m_headS);
    m_headM = realBox(0, 4, 3, 0.05);
    addField(headForm, QStringLiteral("head.m"), tr("Margin m:"), m_headM);
    m_centerLambda = realBox(0, 1000, 4, 0.001);
    addField(headForm, QStringLiteral("head.center_lambda"), tr("Center λ:"), m_centerLambda,
             tr("Weight of the center loss (eq. 2 of the paper)"));
    m_optimiser = new QComboBox;
    m_optimiser->addItem(tr("SGD with momentum"), QStringLiteral("sgd"));
    addField(headForm, QStringLiteral("optim.type"), tr("Optimiser:"), m_optimiser);
    m_momentum = realBox(0, 1, 3, 0.01);
    addField(headForm, QStringLiteral("optim.momentum"), tr("Momentum:"), m_momentum);
    m_weightDecay = realBox(0, 1, 6, 0.0001);
    addField(headForm, QStringLiteral("optim.weight_decay"), tr("Weight decay:"), m_weightDecay);
    return headBox;
}

// Learning-rate schedule, the run's length and its logging and validation intervals; the
// schedule's plot (m_schedulePreview) takes the third column.
QGroupBox* ExperimentPanel::buildScheduleBox() {
    auto* scheduleBox = new QGroupBox(tr("Learning-rate schedule and length"));
    auto* scheduleForm = new QFormLayout(scheduleBox);
    m_scheduleForm = new QComboBox;
    m_scheduleForm->addItem(tr("step"), QStringLiteral("step"));
    m_scheduleForm->addItem(tr("multistep"), QStringLiteral("multistep"));
    m_scheduleForm->addItem(tr("poly"), QStringLiteral("poly"));
    m_scheduleForm->addItem(tr("constant"), QStringLiteral("constant"));
    addField(scheduleForm, QStringLiteral("schedule.form"), tr("Form:"), m_scheduleForm);
    m_baseLr = realBox(0.000001, 100, 6, 0.001);
    addField(scheduleForm, QStringLiteral("schedule.base_lr"), tr("Base lr:"), m_baseLr);
    m_gamma = realBox(0.0001, 1, 4, 0.01);
    addField(scheduleForm, QStringLiteral("schedule.gamma"), tr("Gamma:"), m_gamma);
    m_everyEpochs = intBox(1, 100000);
    m_everyEpochs->setSuffix(tr(" epochs"));
    addField(scheduleForm, QStringLiteral("schedule.every_epochs"), tr("Step every:"),
             m_everyEpochs);
    m_milestones = new QLineEdit;
    m_milestones->setPlaceholderText(tr("iterations, e.g. 16000, 24000, 28000"));
    addField(scheduleForm, QStringLiteral("schedule.milestones"), tr("Milestones:"), m_milestones);
    m_power = realBox(0.01, 100, 3, 0.1);
    addField(scheduleForm, QStringLiteral("schedule.power"), tr("Power:"), m_power);
    m_warmup = intBox(0, 100000000);
    m_warmup->setSuffix(tr(" iterations"));
    addField(scheduleForm, QStringLiteral("schedule.warmup_iterations"), tr("Warm-up:"), m_warmup);
    auto* lengthRow = new QWidget;
    auto* lengthLayout = new QHBoxLayout(lengthRow);
    lengthLayout->setContentsMargins(0, 0, 0, 0);
    m_length = intBox(1, 2000000000);
    m_length->setObjectName(QStringLiteral("lengthValue"));
    m_lengthKind = new QComboBox;
    m_lengthKind->setObjectName(QStringLiteral("lengthKind"));
    m_lengthKind->addItem(tr("iterations"), QStringLiteral("iterations"));
    m_lengthKind->addItem(tr("epochs"), QStringLiteral("epochs"));
    lengthLayout->addWidget(m_length, 1);
    lengthLayout->addWidget(m_lengthKind);
    addField(scheduleForm, QStringLiteral("train.length"), tr("Length:"), lengthRow);
    m_logEvery = intBox(1, 1000000);
    m_logEvery->setSuffix(tr(" steps"));
    addField(scheduleForm, QStringLiteral("train.log_every"), tr("Log every:"), m_logEvery,
             tr("Steps between two points of the training charts (and rows of metrics.jsonl); "
                "a short run wants a small interval, 1 logs every step"));
    m_valEvery = intBox(0, 100000000);
    m_valEvery->setSuffix(tr(" steps"));
    m_valEvery->setSpecialValueText(tr("never"));
    addField(scheduleForm, QStringLiteral("train.val_every"), tr("Validate every:"), m_valEvery,
             tr("Steps between two measurements of held-out accuracy (needs a validation split)"));
    m_schedulePreview = new SchedulePreview;
    return scheduleBox;
}

// Compute device, worker processes and where the run is written.
QGroupBox* ExperimentPanel::buildDeviceBox() {
    auto* deviceBox = new QGroupBox(tr("Device and output"));
    auto* deviceForm = new QFormLayout(deviceBox);
    m_device = new QComboBox;
    const fb::RuntimeInfo runtime = fb::runtimeInfo();
    m_device->addItem(tr("CPU (LibTorch threads: %1)").arg(runtime.intraOpThreads),
                      QStringLiteral("cpu"));
    for (const fb::CudaDeviceInfo& gpu : runtime.cudaDevices) {
        m_device->addItem(tr("cuda:%1 — %2, %3 GiB")
                              .arg(gpu.index)
                              .arg(toQString(gpu.name))
                              .arg(double(gpu.totalMemory) / (1024.0 * 1024 * 1024), 0, 'f', 1),
                          QStringLiteral("cuda:%1").arg(gpu.index));
    }
    addField(deviceForm, QStringLiteral("device.name"), tr("Device:"), m_device,
             tr("Experiments on the same device wait their turn in the job list"));
    m_processes = intBox(1, 64);
    m_processes->setValue(1);
    addField(deviceForm, QStringLiteral("dist.processes"), tr("Processes:"), m_processes,
             tr("Data-parallel worker processes (one per GPU on CUDA); 1 trains in this process"));
    m_outputDir = new QLineEdit;
    addField(deviceForm, QStringLiteral("output.dir"), tr("Runs folder:"), m_outputDir);
    m_outputName = new QLineEdit;
    addField(deviceForm, QStringLiteral("output.name"), tr("Run name:"), m_outputName);
    return deviceBox;
}

// Any edit re-validates; model and head also fill in their own defaults.
void ExperimentPanel::connectEdits() {
    for (QSpinBox* box : findChildren<QSpinBox*>())
        if (box != m_schedulePreview->findChild<QSpinBox*>())
            connect(box, qOverload<int>(&QSpinBox::valueChanged), this,
                    &ExperimentPanel::formChanged);
    for (QDoubleSpinBox* box : findChildren<QDoubleSpinBox*>())
        connect(box, qOverload<double>(&QDoubleSpinBox::valueChanged), this,
                &ExperimentPanel::formChanged);
    for (QLineEdit* edit : {m_trainData, m_milestones, m_outputDir, m_outputName})
        connect(edit, &QLineEdit::textChanged, this, &ExperimentPanel::formChanged);
    for (QComboBox* combo :
         {m_model, m_head, m_optimiser, m_scheduleForm, m_lengthKind, m_framework, m_device})
        connect(combo, qOverload<int>(&QComboBox::currentIndexChanged), this,
                &ExperimentPanel::formChanged);
    // Model and head choose their own input size and margin, as the YAML loader does.
    connect(m_model, qOverload<int>(&QComboBox::activated), this, [this] {
        if (const fb::ModelInfo* info =
                fb::findModel(m_model->currentData().toString().toStdString())) {
            const QSignalBlocker b1(m_inputH), b2(m_inputW);
            m_inputH->setValue(info->inputHeight);
            m_inputW->setValue(info->inputWidth);
        }
        // Another architecture cannot start from this one's weights.
        if (m_startFrom->currentData() != m_model->currentData()) {
            const QSignalBlocker block(m_startFrom);
            m_startFrom->setCurrentIndex(0);
        }
        formChanged();
    });
    connect(m_startFrom, qOverload<int>(&QComboBox::activated), this,
            &ExperimentPanel::startFromPretrained);
    connect(m_head, qOverload<int>(&QComboBox::activated), this, [this] {
        // Each head's margin from its paper, as the YAML loader's defaults.
        static const QHash<QString, double> paperMargins{{QStringLiteral("sphereface"), 4},
                                                         {QStringLiteral("cosface"), 0.35},
                                                         {QStringLiteral("arcface"), 0.5},
                                                         {QStringLiteral("curricularface"), 0.5},
                                                         {QStringLiteral("adaface"), 0.4}};
        const QSignalBlocker block(m_headM);
        m_headM->setValue(paperMargins.value(m_head->currentData().toString(), 0));
        formChanged();
    });
}

} // namespace fb::ui
