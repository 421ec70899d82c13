// The Failure pairs page (facebench/ui/failures_panel.h).
#include "facebench/ui/failures_panel.h"

#include "evaluation/run_results.h"
#include "facebench/eval_results.h"
#include "facebench/ui/eval_charts.h"
#include "facebench/ui/to_qstring.h"
#include "failures/pair_card.h"
#include "jobs/user_message.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QVBoxLayout>

#include <cmath>

namespace fb::ui {

namespace {
constexpr int kColumns = 5;
}

FailuresPanel::FailuresPanel(QWidget* parent) : QWidget(parent) {
    auto* top = new QHBoxLayout;
    m_runEdit = new QLineEdit;
    m_runEdit->setPlaceholderText(tr("Run folder with eval/ results"));
    auto* browse = new QPushButton(tr("Browse…"));
    m_subset = new QComboBox;
    m_subset->setToolTip(tr("Protocol subset: LFW, a cross-quality study (Low2High, Middle2High), "
                            "DFW, a UMDFaces track"));
    m_subset->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_far = new QComboBox;
    for (double far : reportedFars())
        m_far->addItem(tr("FAR %1").arg(farLabel(far)), far);
    m_far->setCurrentIndex(1); // the eval JSON stores the pairs at 0.1%
    m_limit = new QSpinBox;
    m_limit->setRange(1, 200);
    m_limit->setValue(10);
    m_limit->setPrefix(tr("show "));
    top->addWidget(new QLabel(tr("Run:")));
    top->addWidget(m_runEdit, 1);
    top->addWidget(browse);
    top->addWidget(new QLabel(tr("Subset:")));
    top->addWidget(m_subset);
    top->addWidget(new QLabel(tr("Threshold at:")));
    top->addWidget(m_far);
    top->addWidget(m_limit);

    m_summary = new QLabel;
    m_summary->setWordWrap(true);
    m_gridHost = new QWidget;
    m_grid = new QGridLayout(m_gridHost);
    m_grid->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    auto* scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setWidget(m_gridHost);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_summary);
    layout->addWidget(scroll, 1);

    connect(browse, &QPushButton::clicked, this, [this] {
        const QString dir =
            QFileDialog::getExistingDirectory(this, tr("Run folder"), m_runEdit->text());
        if (!dir.isEmpty())
            loadRun(dir);
    });
    connect(m_runEdit, &QLineEdit::returnPressed, this, [this] { loadRun(m_runEdit->text()); });
    connect(m_subset, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] { refresh(); });
    connect(m_far, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] { refresh(); });
    connect(m_limit, qOverload<int>(&QSpinBox::valueChanged), this, [this] { refresh(); });
}

FailuresPanel::~FailuresPanel() = default;

void FailuresPanel::loadRun(const QString& runDir) {
    m_runDir = runDir;
    m_runEdit->setText(runDir);
    m_results = loadRunResults(runDir, false);
    m_subset->blockSignals(true);
    m_subset->clear();
    for (const LoadedBlock& b : m_results->blocks)
        m_subset->addItem(toQString(b.block.label));
    m_subset->blockSignals(false);
    refresh();
}

QStringList FailuresPanel::subsets() const {
    QStringList out;
    for (int i = 0; i < m_subset->count(); ++i)
        out << m_subset->itemText(i);
    return out;
}

void FailuresPanel::setSubset(const QString& label) {
    m_subset->setCurrentIndex(m_subset->findText(label));
}

void FailuresPanel::setFar(double far) {
    for (int i = 0; i < m_far->count(); ++i)
        if (std::abs(m_far->itemData(i).toDouble() - far) <= 1e-12)
            m_far->setCurrentIndex(i);
}

void FailuresPanel::refresh() {
    while (QLayoutItem* item = m_grid->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_shown.clear();
    const int index = m_subset->currentIndex();
    if (!m_results || index < 0 || index >= int(m_results->blocks.size())) {
        m_summary->setText(m_results && !m_results->error.isEmpty()
                               ? m_results->error
                               : tr("No verification results in this run."));
        return;
    }
    const VerificationBlock& b = m_results->blocks[static_cast<std::size_t>(index)].block;
    const double far = m_far->currentData().toDouble();
    const int limit = m_limit->value();
    FailureList list;
    QString source;
    // The stored lists serve when they hold all the pairs asked for (the eval keeps 10 of each).
    auto enough = [limit](std::size_t stored, std::int64_t total) {
        return std::int64_t(stored) >= std::min<std::int64_t>(limit, total);
    };
    if (b.hasFailures && std::abs(b.failures.far - far) <= 1e-12 &&
        enough(b.failures.falseAccepts.size(), b.failures.falseAcceptCount) &&
        enough(b.failures.falseRejects.size(), b.failures.falseRejectCount)) {
        list = b.failures; // the pairs as the eval stored them, in its order
        source = QFileInfo(toQString(m_results->find(b.protocol)->file)).fileName();
    } else if (!b.scoresFile.empty()) {
        try {
            list = failuresAtFar(readScoredPairs(b.scoresFile), far, limit);
            source = QFileInfo(toQString(b.scoresFile)).fileName();
        } catch (const std::exception& e) {
            m_summary->setText(userMessage(toQString(e.what())));
            return;
        }
    } else if (b.hasFailures) {
        list = b.failures;
        source = tr("the eval JSON (no scores file for FAR %1)").arg(farLabel(far));
    }
    if (int(list.falseAccepts.size()) > limit)
        list.falseAccepts.resize(static_cast<std::size_t>(limit));
    if (int(list.falseRejects.size()) > limit)
        list.falseRejects.resize(static_cast<std::size_t>(limit));
    m_summary->setText(tr("%1 at FAR %2: threshold %3 (accept iff score > threshold), %4 false "
                          "accepts and %5 false rejects in all; from %6. Click a pair to see both "
                          "images full size.")
                           .arg(toQString(b.label), farLabel(list.far))
                           .arg(list.threshold, 0, 'f', 4)
                           .arg(list.falseAcceptCount)
                           .arg(list.falseRejectCount)
                           .arg(source));
    addSection(tr("False accepts (impostor pairs above the threshold, highest first)"),
               tr("False accept"), list.falseAccepts);
    addSection(tr("False rejects (genuine pairs at or below the threshold, lowest first)"),
               tr("False reject"), list.falseRejects);
}

void FailuresPanel::addSection(const QString& title, const QString& kind,
                               const std::vector<FailurePair>& pairs) {
    int row = m_grid->rowCount();
    auto* heading = new QLabel(QStringLiteral("<b>%1</b>").arg(title.toHtmlEscaped()));
    m_grid->addWidget(heading, row++, 0, 1, kColumns);
    if (pairs.empty()) {
        m_grid->addWidget(new QLabel(tr("none")), row, 0);
        return;
    }
    const QString tag = kind == tr("False accept") ? QStringLiteral("FA") : QStringLiteral("FR");
    for (std::size_t i = 0; i < pairs.size(); ++i) {
        const FailurePair& p = pairs[i];
        const QString a = resolveResultPath(toQString(p.a), m_runDir);
        const QString b = resolveResultPath(toQString(p.b), m_runDir);
        auto* card = new PairCard(kind, p.score, a, b);
        connect(card, &PairCard::pairClicked, this,
                [this](const QString& a, const QString& b) { showFullPair(this, a, b); });
        m_grid->addWidget(card, row + int(i) / kColumns, int(i) % kColumns);
        m_shown << QStringLiteral("%1|%2|%3|%4")
                       .arg(tag, QString::number(p.score, 'g', 17), toQString(p.a), toQString(p.b));
    }
}

} // namespace fb::ui
