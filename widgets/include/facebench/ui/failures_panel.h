#pragma once
// The Failure pairs page: the false accepts and false rejects of one verification set
// at the threshold of a chosen FAR, each pair's two images side by side with the score, the
// identities and the paths. At the FAR the run stored (0.1%) the pairs are the eval JSON's, in
// its order; at another FAR they are recomputed from the set's scores file. Clicking an image
// opens it full size with its face box (boxes.csv of a `data synth --canvas` set).
#include <QString>
#include <QStringList>
#include <QWidget>

#include <memory>
#include <vector>

class QComboBox;
class QGridLayout;
class QLabel;
class QLineEdit;
class QSpinBox;
class QWidget;

namespace fb {
struct FailurePair;
}

namespace fb::ui {

struct RunResults;

class FailuresPanel : public QWidget {
    Q_OBJECT
public:
    explicit FailuresPanel(QWidget* parent = nullptr);
    ~FailuresPanel() override;

    void loadRun(const QString& runDir); // synchronous: reads the JSON only (small)
    // "cross-quality Low2High", "tracks easy", "lfw", ...
    QStringList subsets() const;
    void setSubset(const QString& label);
    void setFar(double far);
    // "FA|score|a|b" / "FR|score|a|b" for every card shown, in grid order (tests).
    QStringList shownPairs() const { return m_shown; }

private:
    void refresh();
    void addSection(const QString& title, const QString& kind,
                    const std::vector<FailurePair>& pairs);

    QString m_runDir;
    std::shared_ptr<RunResults> m_results;
    QLineEdit* m_runEdit;
    QComboBox* m_subset;
    QComboBox* m_far;
    QSpinBox* m_limit;
    QLabel* m_summary;
    QWidget* m_gridHost;
    QGridLayout* m_grid;
    QStringList m_shown;
};

} // namespace fb::ui
