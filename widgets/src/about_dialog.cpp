#include <facebench/ui/about_dialog.h>

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QVBoxLayout>

#include <facebench/runtime.h>
#include <facebench/ui/resources.h>
#include <facebench/ui/runtime_text.h>
#include <facebench/ui/to_qstring.h>
#include <facebench/version.h>

namespace fb::ui {
namespace {

QLabel* selectableLabel(const QString& text) {
    auto* label = new QLabel(text);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true);
    return label;
}

} // namespace

QString AboutDialog::citation() {
    // From the first lines of the seed paper (seed/000_54cae263211ddf4b.txt). A citation is
    // quoted as published, so it is not translated.
    return QStringLiteral("Q. Wang, G. Guo. Benchmarking deep learning techniques for face "
                          "recognition. Journal of Visual Communication and Image "
                          "Representation, 2019.");
}

AboutDialog::AboutDialog(QWidget* parent) : QDialog(parent) {
    initResources();
    setObjectName(QStringLiteral("aboutDialog"));
    setWindowTitle(tr("About FaceBench"));

    const fb::RuntimeInfo runtime = fb::runtimeInfo();
    const QString version = toQString(fb::facebenchVersion());

    auto* icon = new QLabel;
    icon->setPixmap(QIcon(QStringLiteral(":/icons/facebench.svg")).pixmap(64, 64));
    icon->setAlignment(Qt::AlignTop);

    auto* title = new QLabel(QStringLiteral("<h2>FaceBench %1</h2>").arg(version));
    auto* blurb = new QLabel(
        tr("A workbench for training, evaluating and benchmarking deep face-recognition models."));
    blurb->setWordWrap(true);

    // Qt can be updated under a built binary; when the two differ, both matter in a bug report.
    QString qt = QString::fromLatin1(qVersion());
    if (qt != QLatin1String(QT_VERSION_STR))
        qt = tr("%1 (built with %2)").arg(qt, QLatin1String(QT_VERSION_STR));

    auto* facts = new QFormLayout;
    facts->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    facts->addRow(tr("FaceBench:"), selectableLabel(version));
    facts->addRow(tr("LibTorch:"), selectableLabel(toQString(runtime.torchVersion)));
    facts->addRow(tr("Qt:"), selectableLabel(qt));
    facts->addRow(tr("Compute:"), selectableLabel(deviceDetails(runtime).join(QLatin1Char('\n'))));
    // QCustomPlot, which draws FaceBench's plots, is GPL-3.0-or-later, so the program is too.
    facts->addRow(tr("Licence:"),
                  selectableLabel(tr("GNU General Public License, version 3 or later")));
    facts->addRow(tr("Study:"), selectableLabel(citation()));

    auto* text = new QVBoxLayout;
    text->addWidget(title);
    text->addWidget(blurb);
    text->addSpacing(8);
    text->addLayout(facts);

    auto* body = new QHBoxLayout;
    body->addWidget(icon);
    body->addSpacing(12);
    body->addLayout(text, 1);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(body);
    layout->addWidget(buttons);
    setMinimumWidth(520);
}

} // namespace fb::ui
