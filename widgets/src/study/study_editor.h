#pragma once
// The study file as a form: name, base (a bundled preset or a config file, plus `set`
// overrides), axes (a key and its values per row), protocols and repeats, with a read-only
// preview of the YAML the form writes. Every edit is checked by parseStudy, the loader `study
// run` uses, so a value the config rejects shows its message (file:line: 'key': problem) under
// the form and marks the row of that key. Save writes the file atomically. Keys the form does
// not edit (cells, layout) are kept as they were.
#include <QString>
#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QTimer;

namespace YAML {
class Node;
}

namespace fb::ui {

class StudyEditor : public QWidget {
    Q_OBJECT
public:
    explicit StudyEditor(QWidget* parent = nullptr);
    ~StudyEditor() override;

    // Fills the form from a study file's text; false and *error when it is not a YAML mapping.
    // `baseDir` is where its relative paths (base.config) start.
    bool load(const QString& file, const QString& text, const QString& baseDir,
              QString* error = nullptr);
    QString file() const { return m_file; }
    QString baseDir() const { return m_baseDir; }
    // The YAML the form describes.
    QString text() const;
    bool isModified() const { return m_modified; }
    // The loader's verdict on text(): "" when it is a valid study.
    QString errorText() const { return m_errorText; }
    // Checks now rather than after the typing pause.
    void validateNow();
    bool save(QString* error = nullptr);

    // Axis rows: key and values as a comma-separated list ("softmax, arcface").
    int axisCount() const;
    void setAxis(int row, const QString& key, const QString& values);
    void addAxis(const QString& key = {}, const QString& values = {});
    QTableWidget* axesTable() const { return m_axes; }

signals:
    void validated(bool ok);
    void saved(const QString& file);

private:
    void edited();
    void refreshPreview();
    void markRows(const QString& key);
    void addRow(QTableWidget* table, const QString& key, const QString& value);

    QString m_file;
    QString m_baseDir;
    std::unique_ptr<YAML::Node> m_document; // the loaded file, for the keys the form keeps
    bool m_modified = false;
    bool m_loading = false;
    QString m_errorText;

    QLineEdit* m_name = nullptr;
    QComboBox* m_baseKind = nullptr;
    QComboBox* m_preset = nullptr;
    QLineEdit* m_baseConfig = nullptr;
    QPushButton* m_browse = nullptr;
    QTableWidget* m_set = nullptr;
    QTableWidget* m_axes = nullptr;
    QLineEdit* m_protocols = nullptr;
    QSpinBox* m_repeats = nullptr;
    QLabel* m_error = nullptr;
    QPlainTextEdit* m_preview = nullptr;
    QPushButton* m_save = nullptr;
    QTimer* m_validateTimer = nullptr;
};

} // namespace fb::ui
