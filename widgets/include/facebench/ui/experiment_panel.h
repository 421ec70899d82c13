#pragma once
// The Experiment panel: one ExperimentConfig edited as a form. A Table 2 preset fills it; the
// user changes model, head (s, m, lambda), optimiser, schedule (with a live plot of the lr over
// the run), batch and input size, framework style, the weights to start from (random or an
// installed pretrained network), device and the run's length; the result
// loads from and saves to YAML. Every change is checked by the core's own rules
// (validateExperimentConfig); an error is shown under the field its key names.
#include <QMap>
#include <QWidget>

#include <facebench/experiment_config.h>

class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QGroupBox;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace fb::ui {

class SchedulePreview;

class ExperimentPanel : public QWidget {
    Q_OBJECT
public:
    explicit ExperimentPanel(QWidget* parent = nullptr);

    // The form as a resolved config. Throws fb::InputError when it breaks a rule.
    fb::ExperimentConfig config() const;
    // config() and what only a training run needs (a training set to read); a problem is shown
    // at its field like any other, then thrown (fb::InputError).
    fb::ExperimentConfig trainingConfig();
    // True when the form holds a valid config (no error shown).
    bool isValid() const { return m_currentError.isEmpty(); }
    QString currentError() const { return m_currentError; }
    // The error shown under the field of `key` ("schedule.base_lr"); empty when none.
    QString fieldError(const QString& key) const;
    // Processes for distributed data-parallel training (1 = one process).
    int processCount() const;
    QString yamlPath() const { return m_yamlPath; }

public slots:
    void setConfig(const fb::ExperimentConfig& config);
    bool applyPreset(const QString& name);
    // Loads YAML; on a bad file shows the error (file:line, key) and keeps the form as it was.
    bool loadYaml(const QString& path);
    bool saveYaml(const QString& path);
    // The folder whose runs/ receives new runs and whose data paths are relative to.
    void setBaseFolder(const QString& folder);

signals:
    void configChanged();
    void errorChanged(const QString& error);

private:
    // The form, in the panel's three columns: data and model, loss head and optimiser (left),
    // schedule and length, device and output (middle), the schedule's plot (right).
    void buildForm();
    QHBoxLayout* buildToolbar();
    QGroupBox* buildDataBox();
    QGroupBox* buildHeadBox();
    QGroupBox* buildScheduleBox();
    QGroupBox* buildDeviceBox();
    void connectEdits();
    QWidget* addField(QFormLayout* form, const QString& key, const QString& label, QWidget* editor,
                      const QString& toolTip = {});
    void formChanged();
    void updateHeadFields();
    void updateScheduleFields();
    void updateModelInfo();
    void showStartWeights(const fb::ExperimentConfig& config);
    void startFromPretrained();
    void showError(const QString& key, const QString& message);
    void clearErrors();
    fb::ExperimentConfig formConfig() const;
    void chooseLoad();
    void chooseSave();

    fb::ExperimentConfig m_config; // fields the form does not show pass through unchanged
    bool m_updating = false;
    QString m_currentError;
    QString m_yamlPath;
    QString m_baseFolder;

    struct Field {
        QWidget* editor = nullptr;
        QLabel* error = nullptr;
    };
    QMap<QString, Field> m_fields;

    QLabel* m_banner = nullptr;
    QComboBox* m_preset = nullptr;
    QLabel* m_presetInfo = nullptr;
    QLineEdit* m_trainData = nullptr;
    QDoubleSpinBox* m_valSplit = nullptr;
    QComboBox* m_model = nullptr;
    QLabel* m_modelInfo = nullptr;
    // model.weights: random initialisation, an installed pretrained network (fine-tuning sets
    // model, input size and its authors' pre-processing) or the file a loaded YAML names.
    QComboBox* m_startFrom = nullptr;
    QSpinBox* m_inputH = nullptr;
    QSpinBox* m_inputW = nullptr;
    QComboBox* m_head = nullptr;
    QDoubleSpinBox* m_headS = nullptr;
    QDoubleSpinBox* m_headM = nullptr;
    QDoubleSpinBox* m_centerLambda = nullptr;
    QComboBox* m_optimiser = nullptr;
    QDoubleSpinBox* m_momentum = nullptr;
    QDoubleSpinBox* m_weightDecay = nullptr;
    QComboBox* m_scheduleForm = nullptr;
    QDoubleSpinBox* m_baseLr = nullptr;
    QDoubleSpinBox* m_gamma = nullptr;
    QSpinBox* m_everyEpochs = nullptr;
    QLineEdit* m_milestones = nullptr;
    QDoubleSpinBox* m_power = nullptr;
    QSpinBox* m_warmup = nullptr;
    QSpinBox* m_batchSize = nullptr;
    QSpinBox* m_logEvery = nullptr;
    QSpinBox* m_valEvery = nullptr;
    QComboBox* m_lengthKind = nullptr;
    QSpinBox* m_length = nullptr;
    QComboBox* m_framework = nullptr;
    QComboBox* m_device = nullptr;
    QSpinBox* m_processes = nullptr;
    QLineEdit* m_outputDir = nullptr;
    QLineEdit* m_outputName = nullptr;
    SchedulePreview* m_schedulePreview = nullptr;
};

} // namespace fb::ui
