#include <facebench/ui/resources.h>

#include <QtGlobal>

// Q_INIT_RESOURCE names a function in the global namespace, so it cannot be called from
// inside fb::ui directly.
static void initFacebenchQrc() {
    Q_INIT_RESOURCE(facebench);
}

namespace fb::ui {

void initResources() {
    static const bool done = (initFacebenchQrc(), true);
    Q_UNUSED(done);
}

} // namespace fb::ui
