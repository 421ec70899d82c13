#pragma once
#include <QDialog>

namespace fb::ui {

// Help > About FaceBench: versions of FaceBench, LibTorch and Qt, the compute devices, the
// licence, and the study FaceBench reproduces, so a bug report or a paper can quote them.
class AboutDialog : public QDialog {
    Q_OBJECT
public:
    explicit AboutDialog(QWidget* parent = nullptr);

    // The citation of the seed study, plain text, as shown in the dialog.
    static QString citation();
};

} // namespace fb::ui
