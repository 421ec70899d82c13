// Results tables as JSON (facebench/report_render.h).
#include "facebench/report_render.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdlib>

namespace fb {

namespace {

using Json = nlohmann::ordered_json;

Json number(double v) {
    if (!std::isfinite(v))
        return nullptr;
    return std::strtod(dataNumberText(v).c_str(), nullptr);
}

Json cellJson(const ReportCell& cell) {
    Json o;
    switch (cell.kind) {
    case ReportCell::Kind::Number:
        o["value"] = number(cell.number);
        break;
    case ReportCell::Kind::Text:
        o["value"] = cell.text;
        break;
    case ReportCell::Kind::Missing:
        o["value"] = nullptr;
        break;
    }
    if (cell.interval)
        o["interval"] = {{"low", number(cell.interval->low)},
                         {"high", number(cell.interval->high)},
                         {"level", cell.interval->level},
                         {"method", cell.interval->method}};
    if (cell.flags)
        o["flags"] = cellFlagNames(cell.flags);
    return o;
}

} // namespace

std::string renderJson(const std::vector<ReportTable>& tables) {
    Json list = Json::array();
    for (const ReportTable& t : tables) {
        Json columns = Json::array();
        for (const ReportColumn& c : t.columns)
            columns.push_back({{"key", c.key}, {"header", c.header}});
        Json rows = Json::array();
        for (const auto& row : t.rows) {
            Json o = Json::object();
            for (std::size_t c = 0; c < t.columns.size(); ++c)
                o[t.columns[c].key] = cellJson(c < row.size() ? row[c] : missingCell());
            rows.push_back(o);
        }
        list.push_back({{"key", t.key}, {"title", t.title}, {"columns", columns}, {"rows", rows}});
    }
    const Json doc{{"tables", list}, {"notes", {{"not_resolvable", notResolvableNote()}}}};
    // Run names come from folder names, which need not be UTF-8: replace, never throw.
    return doc.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

} // namespace fb
