// Core error text in the user's terms (user_message.h).
#include "jobs/user_message.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace fb::ui {

QString userMessage(const QString& coreText) {
    QString text = coreText;
    // nlohmann::json: "[json.exception.parse_error.101] parse error at line 1, column 1: ...".
    static const QRegularExpression jsonParse(QStringLiteral(
        R"(\[json\.exception\.parse_error\.\d+\]\s*parse error at line (\d+), column (\d+):.*$)"));
    const QRegularExpressionMatch parse = jsonParse.match(text);
    if (parse.hasMatch())
        text.replace(parse.capturedStart(), parse.capturedLength(),
                     QCoreApplication::translate("UserMessage",
                                                 "the file is not valid JSON (line %1, column "
                                                 "%2): it may be empty, cut short or not the "
                                                 "file meant; write it again with FaceBench")
                         .arg(parse.captured(1), parse.captured(2)));
    static const QRegularExpression jsonOther(
        QStringLiteral(R"(\[json\.exception\.\w+\.\d+\]\s*)"));
    text.remove(jsonOther);
    // The weights reader's advice for developers who call torch.save themselves.
    static const QRegularExpression notZip(
        QStringLiteral(R"(not a torch\.save zip archive \([^)]*\))"));
    text.replace(notZip, QCoreApplication::translate(
                             "UserMessage", "not a PyTorch checkpoint FaceBench can read: the "
                                            "file is empty, cut short or saved by an old PyTorch. "
                                            "Train the run again, or save the weights again with "
                                            "a current PyTorch"));
    return text;
}

} // namespace fb::ui
