#include <facebench/ui/runtime_text.h>
#include <facebench/ui/to_qstring.h>

#include <QCoreApplication>
#include <QLocale>
#include <QMap>

namespace fb::ui {
QString deviceSummary(const fb::RuntimeInfo& info) {
    if (!info.cudaAvailable || info.cudaDevices.empty())
        return QCoreApplication::translate("fb::ui::RuntimeText", "CPU · %n thread(s)", nullptr,
                                           info.intraOpThreads);

    // A multi-GPU node usually holds one model several times: "4 × NVIDIA H200" reads better
    // than the same name four times. QMap keeps the names in a stable order.
    QMap<QString, int> countByName;
    for (const auto& device : info.cudaDevices)
        ++countByName[toQString(device.name)];
    QStringList parts;
    for (auto it = countByName.cbegin(); it != countByName.cend(); ++it)
        parts << (it.value() > 1 ? QStringLiteral("%1 × %2").arg(it.value()).arg(it.key())
                                 : it.key());
    return QCoreApplication::translate("fb::ui::RuntimeText", "CUDA · %1")
        .arg(parts.join(QStringLiteral(", ")));
}

QStringList deviceDetails(const fb::RuntimeInfo& info) {
    QStringList lines;
    lines << QCoreApplication::translate("fb::ui::RuntimeText",
                                         "CPU: LibTorch uses %1 of %n hardware thread(s)", nullptr,
                                         info.cpuCores)
                 .arg(info.intraOpThreads);
    if (!info.cudaAvailable) {
        lines << QCoreApplication::translate("fb::ui::RuntimeText", "CUDA: not available");
        return lines;
    }
    const QLocale locale;
    for (const auto& device : info.cudaDevices) {
        lines << QCoreApplication::translate("fb::ui::RuntimeText", "cuda:%1: %2, %3")
                     .arg(device.index)
                     .arg(toQString(device.name))
                     .arg(locale.formattedDataSize(static_cast<qint64>(device.totalMemory), 1,
                                                   QLocale::DataSizeTraditionalFormat));
    }
    return lines;
}

QString torchVersionText(const fb::RuntimeInfo& info) {
    return QStringLiteral("LibTorch %1").arg(toQString(info.torchVersion));
}

} // namespace fb::ui
