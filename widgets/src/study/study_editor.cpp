// The study file as a form (study_editor.h).
#include "study/study_editor.h"

#include "facebench/atomic_file.h"
#include "facebench/presets.h"
#include "facebench/study.h"
#include "facebench/ui/to_qstring.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <yaml-cpp/yaml.h>

namespace fb::ui {
namespace {

enum BaseKind { PresetBase = 0, ConfigBase = 1 };

// A node as one line of YAML flow text ("arcface", "[112, 112]").
QString flowText(const YAML::Node& node) {
    YAML::Emitter out;
    out << YAML::Flow << node;
    return toQString(out.c_str());
}

// "softmax, arcface" for a sequence, its flow text for anything else.
QString listText(const YAML::Node& node) {
    if (!node.IsSequence())
        return flowText(node);
    QStringList items;
    for (const YAML::Node& item : node)
        items << flowText(item);
    return items.join(QStringLiteral(", "));
}

// The comma-separated values of a field as a YAML sequence; a field that is not valid flow YAML
// is kept as its text, so that the loader names it at its line.
YAML::Node listNode(const QString& text) {
    try {
        YAML::Node node = YAML::Load("[" + text.toStdString() + "]");
        node.SetStyle(YAML::EmitterStyle::Flow);
        return node;
    } catch (const YAML::Exception&) {
        return YAML::Node(text.toStdString());
    }
}

YAML::Node scalarNode(const QString& text) {
    try {
        YAML::Node node = YAML::Load(text.toStdString());
        if (node.IsDefined() && !node.IsNull())
            return node;
    } catch (const YAML::Exception&) {
    }
    return YAML::Node(text.toStdString());
}

QTableWidget* keyValueTable(const QString& valueHeader) {
    auto* table = new QTableWidget(0, 2);
    table->setHorizontalHeaderLabels({QObject::tr("Key"), valueHeader});
    table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Interactive);
    table->horizontalHeader()->setStretchLastSection(true);
    table->setColumnWidth(0, 160);
    table->verticalHeader()->hide();
    table->setMinimumHeight(90);
    return table;
}

} // namespace

StudyEditor::StudyEditor(QWidget* parent)
    : QWidget(parent), m_document(std::make_unique<YAML::Node>(YAML::NodeType::Map)) {
    m_name = new QLineEdit;
    m_name->setObjectName(QStringLiteral("studyName"));
    m_baseKind = new QComboBox;
    m_baseKind->addItems({tr("Preset"), tr("Config file")});
    m_preset = new QComboBox;
    for (const PresetInfo& preset : presets())
        m_preset->addItem(toQString(preset.name));
    m_baseConfig = new QLineEdit;
    m_baseConfig->setObjectName(QStringLiteral("studyBaseConfig"));
    m_baseConfig->setPlaceholderText(tr("config file, relative to the study file"));
    m_browse = new QPushButton(tr("Browse…"));
    auto* baseRow = new QHBoxLayout;
    baseRow->addWidget(m_baseKind);
    baseRow->addWidget(m_preset, 1);
    baseRow->addWidget(m_baseConfig, 1);
    baseRow->addWidget(m_browse);

    m_set = keyValueTable(tr("Value"));
    m_set->setObjectName(QStringLiteral("studySet"));
    m_axes = keyValueTable(tr("Values (comma-separated)"));
    m_axes->setObjectName(QStringLiteral("studyAxes"));
    const auto addRemove = [this](QTableWidget* table, const QString& addText) {
        auto* add = new QPushButton(addText);
        auto* remove = new QPushButton(tr("Remove"));
        connect(add, &QPushButton::clicked, this, [this, table] {
            addRow(table, {}, {});
            table->setCurrentCell(table->rowCount() - 1, 0);
            table->editItem(table->item(table->rowCount() - 1, 0));
        });
        connect(remove, &QPushButton::clicked, this, [this, table] {
            if (table->currentRow() >= 0) {
                table->removeRow(table->currentRow());
                edited();
            }
        });
        auto* column = new QVBoxLayout;
        column->addWidget(add);
        column->addWidget(remove);
        column->addStretch();
        auto* row = new QHBoxLayout;
        row->addWidget(table, 1);
        row->addLayout(column);
        return row;
    };

    m_protocols = new QLineEdit;
    m_protocols->setObjectName(QStringLiteral("studyProtocols"));
    m_protocols->setPlaceholderText(QStringLiteral("lfw, cfp-fp")); // protocol names
    m_repeats = new QSpinBox;
    m_repeats->setObjectName(QStringLiteral("studyRepeats"));
    m_repeats->setRange(1, 100);
    m_error = new QLabel;
    m_error->setObjectName(QStringLiteral("studyEditorError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_save = new QPushButton(tr("Save"));
    m_save->setObjectName(QStringLiteral("studySave"));

    auto* form = new QFormLayout;
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("Base:"), baseRow);
    form->addRow(tr("Set:"), addRemove(m_set, tr("Add Setting")));
    form->addRow(tr("Axes:"), addRemove(m_axes, tr("Add Axis")));
    form->addRow(tr("Protocols:"), m_protocols);
    form->addRow(tr("Repeats:"), m_repeats);
    auto* left = new QVBoxLayout;
    left->addLayout(form, 1);
    left->addWidget(m_error);
    auto* saveRow = new QHBoxLayout;
    saveRow->addStretch();
    saveRow->addWidget(m_save);
    left->addLayout(saveRow);

    m_preview = new QPlainTextEdit;
    m_preview->setObjectName(QStringLiteral("studyPreview"));
    m_preview->setReadOnly(true);
    m_preview->setLineWrapMode(QPlainTextEdit::NoWrap);
    auto* right = new QVBoxLayout;
    right->addWidget(new QLabel(tr("Study file (preview):")));
    right->addWidget(m_preview, 1);

    auto* layout = new QHBoxLayout(this);
    layout->addLayout(left, 3);
    layout->addLayout(right, 2);

    m_validateTimer = new QTimer(this);
    m_validateTimer->setSingleShot(true);
    m_validateTimer->setInterval(300);
    connect(m_validateTimer, &QTimer::timeout, this, &StudyEditor::validateNow);

    const auto changed = [this] { edited(); };
    connect(m_name, &QLineEdit::textEdited, this, changed);
    connect(m_baseKind, &QComboBox::currentIndexChanged, this, [this] {
        const bool preset = m_baseKind->currentIndex() == PresetBase;
        m_preset->setVisible(preset);
        m_baseConfig->setVisible(!preset);
        m_browse->setVisible(!preset);
        edited();
    });
    connect(m_preset, &QComboBox::currentIndexChanged, this, changed);
    connect(m_baseConfig, &QLineEdit::textEdited, this, changed);
    connect(m_browse, &QPushButton::clicked, this, [this] {
        const QString dir = m_baseDir;
        const QString chosen = QFileDialog::getOpenFileName(
            this, tr("Base Config"), dir, tr("Experiment configs (*.yaml *.yml)"));
        if (!chosen.isEmpty()) {
            m_baseConfig->setText(QDir(dir).relativeFilePath(chosen));
            edited();
        }
    });
    connect(m_set, &QTableWidget::itemChanged, this, changed);
    connect(m_axes, &QTableWidget::itemChanged, this, changed);
    connect(m_protocols, &QLineEdit::textEdited, this, changed);
    connect(m_repeats, &QSpinBox::valueChanged, this, changed);
    connect(m_save, &QPushButton::clicked, this, [this] { save(); });
    m_baseKind->setCurrentIndex(ConfigBase);
    m_preset->hide();
    setEnabled(false); // until a study is loaded
}

StudyEditor::~StudyEditor() = default;

void StudyEditor::addRow(QTableWidget* table, const QString& key, const QString& value) {
    const int row = table->rowCount();
    table->insertRow(row);
    table->setItem(row, 0, new QTableWidgetItem(key));
    table->setItem(row, 1, new QTableWidgetItem(value));
}

int StudyEditor::axisCount() const {
    return m_axes->rowCount();
}

void StudyEditor::addAxis(const QString& key, const QString& values) {
    addRow(m_axes, key, values);
    edited();
}

void StudyEditor::setAxis(int row, const QString& key, const QString& values) {
    if (row < 0 || row >= m_axes->rowCount())
        return;
    m_axes->item(row, 0)->setText(key);
    m_axes->item(row, 1)->setText(values);
    edited();
}

bool StudyEditor::load(const QString& file, const QString& text, const QString& baseDir,
                       QString* error) {
    YAML::Node document;
    try {
        document = YAML::Load(text.toStdString());
    } catch (const YAML::Exception& e) {
        if (error)
            *error = tr("%1:%2: not YAML: %3").arg(file).arg(e.mark.line + 1).arg(toQString(e.msg));
        return false;
    }
    if (!document.IsMap()) {
        if (error)
            *error = tr("%1: a study file is a YAML mapping (name, base, axes, ...)").arg(file);
        return false;
    }
    m_loading = true;
    m_file = file;
    m_baseDir = baseDir;
    *m_document = document;
    m_name->setText(document["name"] ? toQString(document["name"].as<std::string>("")) : QString());
    const YAML::Node base = document["base"];
    m_set->setRowCount(0);
    m_axes->setRowCount(0);
    QString preset, config;
    if (base && base.IsScalar()) {
        preset = toQString(base.as<std::string>());
    } else if (base && base.IsMap()) {
        if (base["preset"])
            preset = toQString(base["preset"].as<std::string>(""));
        if (base["config"])
            config = toQString(base["config"].as<std::string>(""));
        if (base["set"] && base["set"].IsMap())
            for (const auto& entry : base["set"])
                addRow(m_set, toQString(entry.first.as<std::string>("")), flowText(entry.second));
    }
    m_baseKind->setCurrentIndex(config.isEmpty() && !preset.isEmpty() ? PresetBase : ConfigBase);
    m_preset->setCurrentText(preset);
    m_baseConfig->setText(config);
    if (document["axes"] && document["axes"].IsMap())
        for (const auto& entry : document["axes"])
            addRow(m_axes, toQString(entry.first.as<std::string>("")), listText(entry.second));
    m_protocols->setText(document["protocols"] ? listText(document["protocols"]) : QString());
    m_repeats->setValue(document["repeats"] ? document["repeats"].as<int>(1) : 1);
    m_loading = false;
    m_modified = false;
    setEnabled(true);
    refreshPreview();
    validateNow();
    return true;
}

QString StudyEditor::text() const {
    // The keys in the order the study files are written; those the form does not edit (cells,
    // layout, anything else) keep their place and value.
    YAML::Node out(YAML::NodeType::Map);
    const QString name = m_name->text().trimmed();
    if (!name.isEmpty())
        out["name"] = name.toStdString();
    YAML::Node base(YAML::NodeType::Map);
    if (m_baseKind->currentIndex() == PresetBase)
        base["preset"] = m_preset->currentText().toStdString();
    else
        base["config"] = m_baseConfig->text().trimmed().toStdString();
    if (m_set->rowCount() > 0) {
        YAML::Node set(YAML::NodeType::Map);
        for (int row = 0; row < m_set->rowCount(); ++row) {
            const QString key = m_set->item(row, 0)->text().trimmed();
            if (!key.isEmpty())
                set[key.toStdString()] = scalarNode(m_set->item(row, 1)->text());
        }
        base["set"] = set;
    }
    base.SetStyle(YAML::EmitterStyle::Flow);
    out["base"] = base;
    YAML::Node axes(YAML::NodeType::Map);
    for (int row = 0; row < m_axes->rowCount(); ++row) {
        const QString key = m_axes->item(row, 0)->text().trimmed();
        if (!key.isEmpty())
            axes[key.toStdString()] = listNode(m_axes->item(row, 1)->text());
    }
    if (axes.size() > 0)
        out["axes"] = axes;
    if ((*m_document)["cells"])
        out["cells"] = (*m_document)["cells"];
    if (m_repeats->value() != 1 || (*m_document)["repeats"])
        out["repeats"] = m_repeats->value();
    if (!m_protocols->text().trimmed().isEmpty())
        out["protocols"] = listNode(m_protocols->text());
    for (const auto& entry : *m_document) {
        const std::string key = entry.first.as<std::string>("");
        const bool formKey = key == "name" || key == "base" || key == "axes" || key == "repeats" ||
                             key == "protocols";
        if (!formKey && !out[key])
            out[key] = entry.second;
    }
    YAML::Emitter emitter;
    emitter << out;
    return toQString(emitter.c_str()) + QLatin1Char('\n');
}

void StudyEditor::edited() {
    if (m_loading)
        return;
    m_modified = true;
    refreshPreview();
    m_validateTimer->start();
}

void StudyEditor::refreshPreview() {
    m_preview->setPlainText(text());
}

void StudyEditor::validateNow() {
    m_validateTimer->stop();
    QString key;
    try {
        parseStudy(text().toStdString(), m_file.toStdString(), m_baseDir.toStdString());
        m_errorText.clear();
    } catch (const InputError& e) {
        key = toQString(e.key());
        m_errorText = toQString(e.what());
    } catch (const std::exception& e) {
        m_errorText = toQString(e.what());
    }
    m_error->setText(m_errorText);
    m_error->setVisible(!m_errorText.isEmpty());
    markRows(key);
    emit validated(m_errorText.isEmpty());
}

// The loader names the key at fault ("train.batch_size", "axes.head.type"): its row turns red.
void StudyEditor::markRows(const QString& key) {
    const QSignalBlocker blockAxes(m_axes);
    const QSignalBlocker blockSet(m_set);
    for (QTableWidget* table : {m_axes, m_set})
        for (int row = 0; row < table->rowCount(); ++row) {
            const QString rowKey = table->item(row, 0)->text().trimmed();
            const bool atFault = !key.isEmpty() && !rowKey.isEmpty() &&
                                 (key == rowKey || key.endsWith(QLatin1Char('.') + rowKey) ||
                                  key.startsWith(rowKey + QLatin1Char('.')));
            for (int column = 0; column < 2; ++column) {
                QTableWidgetItem* item = table->item(row, column);
                item->setBackground(atFault ? QColor(0xfd, 0xe0, 0xe0) : QBrush());
                item->setToolTip(atFault ? m_errorText : QString());
            }
        }
}

bool StudyEditor::save(QString* error) {
    validateNow();
    try {
        writeFileAtomically(m_file.toStdString(), text().toStdString());
    } catch (const std::exception& e) {
        m_error->setText(toQString(e.what()));
        m_error->show();
        if (error)
            *error = toQString(e.what());
        return false;
    }
    m_modified = false;
    emit saved(m_file);
    return true;
}

} // namespace fb::ui
