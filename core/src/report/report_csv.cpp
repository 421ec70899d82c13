// Results tables as CSV (facebench/report_render.h).
#include "facebench/report_render.h"

#include "util/csv_field.h"

namespace fb {

namespace {

std::string line(const std::vector<std::string>& fields) {
    std::string out;
    for (std::size_t i = 0; i < fields.size(); ++i)
        out += (i ? "," : "") + csvField(fields[i]);
    return out + "\n";
}

std::string value(const ReportCell& cell) {
    switch (cell.kind) {
    case ReportCell::Kind::Number:
        return dataNumberText(cell.number);
    case ReportCell::Kind::Text:
        return cell.text;
    case ReportCell::Kind::Missing:
        break;
    }
    return "";
}

std::string flagList(unsigned flags) {
    std::string out;
    for (const std::string& name : cellFlagNames(flags))
        out += (out.empty() ? "" : ";") + name;
    return out;
}

std::string table(const ReportTable& t) {
    // Which columns carry intervals or flags in any row: those get their extra columns.
    std::vector<bool> hasInterval(t.columns.size()), hasFlags(t.columns.size());
    for (const auto& row : t.rows)
        for (std::size_t c = 0; c < row.size() && c < t.columns.size(); ++c) {
            hasInterval[c] = hasInterval[c] || row[c].interval.has_value();
            hasFlags[c] = hasFlags[c] || row[c].flags != 0;
        }
    std::vector<std::string> header;
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
        const std::string& key = t.columns[c].key;
        header.push_back(key);
        if (hasInterval[c])
            header.insert(header.end(), {key + "_low", key + "_high", key + "_method"});
        if (hasFlags[c])
            header.push_back(key + "_flags");
    }
    std::string out = line(header);
    for (const auto& row : t.rows) {
        std::vector<std::string> fields;
        for (std::size_t c = 0; c < t.columns.size(); ++c) {
            const ReportCell cell = c < row.size() ? row[c] : missingCell();
            fields.push_back(value(cell));
            if (hasInterval[c]) {
                const bool has = cell.interval.has_value();
                fields.push_back(has ? dataNumberText(cell.interval->low) : "");
                fields.push_back(has ? dataNumberText(cell.interval->high) : "");
                fields.push_back(has ? cell.interval->method : "");
            }
            if (hasFlags[c])
                fields.push_back(flagList(cell.flags));
        }
        out += line(fields);
    }
    return out;
}

} // namespace

std::string renderCsv(const std::vector<ReportTable>& tables) {
    std::string csv;
    for (std::size_t t = 0; t < tables.size(); ++t)
        csv += (t ? "\n" : "") + table(tables[t]);
    return csv;
}

} // namespace fb
