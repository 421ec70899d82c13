// The pretrained networks as the GUI's pickers offer them (pretrained_choices.h).
#include "pretrained_choices.h"

#include "facebench/pretrained_weights.h"
#include "facebench/ui/to_qstring.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QFileInfo>
#include <QFont>
#include <QStandardItemModel>

namespace fb::ui {

namespace {
void disableItem(QComboBox* combo, int index) {
    if (auto* model = qobject_cast<QStandardItemModel*>(combo->model()))
        model->item(index)->setEnabled(false);
}
} // namespace

QList<PretrainedChoice> pretrainedChoices() {
    QList<PretrainedChoice> choices;
    for (const PretrainedWeights& weights : pretrainedCatalog()) {
        PretrainedChoice choice;
        choice.model = toQString(weights.model);
        choice.weights = toQString(pretrainedWeightsPath(weights));
        choice.preprocess = toQString(weights.preprocess);
        choice.description = toQString(weights.description);
        choice.installed = QFileInfo(choice.weights).isFile();
        choices << choice;
    }
    return choices;
}

QList<PretrainedChoice> installedPretrained() {
    QList<PretrainedChoice> installed;
    for (const PretrainedChoice& choice : pretrainedChoices())
        if (choice.installed)
            installed << choice;
    return installed;
}

QString pretrainedSetupHint() {
    return QCoreApplication::translate(
               "PretrainedChoices",
               "No pretrained network is installed: run `%1` to fetch them into %2")
        .arg(toQString(pretrainedSetupCommand()), toQString(userDataFolder()));
}

void addPretrainedEntries(QComboBox* combo) {
    combo->addItem(QCoreApplication::translate("PretrainedChoices", "Pretrained"));
    const int heading = combo->count() - 1;
    QFont bold = combo->font();
    bold.setBold(true);
    combo->setItemData(heading, bold, Qt::FontRole);
    disableItem(combo, heading);
    const QList<PretrainedChoice> installed = installedPretrained();
    for (const PretrainedChoice& choice : installed) {
        combo->addItem(QStringLiteral("  ") +
                           QCoreApplication::translate("PretrainedChoices", "%1 (pretrained, %2)")
                               .arg(choice.model, choice.preprocess),
                       choice.model);
        combo->setItemData(combo->count() - 1, choice.weights, kPretrainedWeightsRole);
        combo->setItemData(combo->count() - 1,
                           choice.description + QLatin1Char('\n') + choice.weights,
                           Qt::ToolTipRole);
    }
    if (installed.isEmpty()) {
        combo->addItem(QStringLiteral("  ") +
                       QCoreApplication::translate("PretrainedChoices", "none installed: run %1")
                           .arg(toQString(pretrainedSetupCommand())));
        combo->setItemData(combo->count() - 1, pretrainedSetupHint(), Qt::ToolTipRole);
        disableItem(combo, combo->count() - 1);
    }
}

} // namespace fb::ui
