#pragma once
// The Datasets panel's statistics: breadth (identities) and depth (images per identity), the
// figures of the seed's Table 16, and a histogram of depth in QCustomPlot.
#include <QWidget>

#include <facebench/dataset_stats.h>

#include <vector>

class QCustomPlot;
class QLabel;

namespace fb::ui {

// Depth histogram bins over whole numbers of images: bin i holds identities with
// lower[i] <= depth <= upper[i]. One bin per value when max - min + 1 <= maxBins, otherwise
// bins of equal integer width ceil((max - min + 1) / maxBins) starting at min.
struct DepthHistogram {
    std::vector<long long> lower;
    std::vector<long long> upper;
    std::vector<long long> counts;
    long long binWidth = 1;
};
DepthHistogram depthHistogram(const std::vector<long long>& depths, int maxBins = 40);

class DatasetStatsView : public QWidget {
    Q_OBJECT
public:
    explicit DatasetStatsView(QWidget* parent = nullptr);

    // depths: images per identity, by label. An empty dataset clears the view.
    void setStats(const fb::DatasetStats& stats, const std::vector<long long>& depths,
                  const QString& format, long long problems);
    void clear();

    QCustomPlot* plot() const { return m_plot; }
    const DepthHistogram& histogram() const { return m_histogram; }

private:
    QLabel* m_summary = nullptr;
    QCustomPlot* m_plot = nullptr;
    DepthHistogram m_histogram;
};

} // namespace fb::ui
