// The wide-character curses API: the #define must come before the include.
#define NCURSES_WIDECHAR 1
#include <ncursesw/curses.h>
#include <locale.h>
#include <langinfo.h>

// Macros Swift cannot import, as constants and functions.
static const attr_t SHIM_A_BOLD = A_BOLD;
static const attr_t SHIM_A_UNDERLINE = A_UNDERLINE;
static const attr_t SHIM_A_REVERSE = A_REVERSE;
static const attr_t SHIM_A_DIM = A_DIM;
static const mmask_t SHIM_BUTTON1_PRESSED = BUTTON1_PRESSED;
static const mmask_t SHIM_BUTTON1_CLICKED = BUTTON1_CLICKED;
static const mmask_t SHIM_BUTTON1_RELEASED = BUTTON1_RELEASED;
static const mmask_t SHIM_BUTTON4_PRESSED = BUTTON4_PRESSED;
static const mmask_t SHIM_BUTTON5_PRESSED = BUTTON5_PRESSED;
static inline WINDOW *shim_stdscr(void) { return stdscr; }
static inline int shim_colors(void) { return COLORS; }
static inline int shim_color_pairs(void) { return COLOR_PAIRS; }
