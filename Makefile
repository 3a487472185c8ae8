# gongkai — plain make, pkg-config for every dependency.
#
#   make            build ./gongkai (release flags, asserts on)
#   make run        install missing Debian packages, build, create
#                   var/gongkai.db with demo data if absent, serve :8080
#   make check      install what tests need, build, run every suite, then
#                   run unit + HTTP suites again under ASan+UBSan
#   make check-pg   the PostgreSQL suites on a throw-away server
#                   (tests/pg/run.sh: schema comparison, unit tests and
#                   the HTTP suite with GK_TEST_PG); see docs/deploy.md
#   make asan       build build/asan/gongkai only
#   make fuzz       build the libFuzzer targets (clang-14) and run each for
#                   FUZZ_SECONDS (default 60); see tests/fuzz/README.md
#   make bench      benchmarks (see bench/README.md)
#   make clean
#
# Sources are found by wildcard: a new src/<layer>/*.c file needs no edit
# here.  `make check` first runs tools/check_layers.sh (include direction)
# and tools/codecheck.py (escaping once, at output; every setting read).

CC      ?= cc
NPROC   := $(shell nproc 2>/dev/null || echo 2)
PKGS    := libmicrohttpd sqlite3 libsodium jansson libcmark-gfm \
           xlsxwriter libzip zlib libmagic libxml-2.0 libpq libzstd
# Debian's libcmark-gfm-extensions-dev ships no .pc file.
EXTRA_LIBS := -lcmark-gfm-extensions
WARN    := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes \
           -Wno-unused-parameter
CSTD    := -std=c11 -D_GNU_SOURCE
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null) $(EXTRA_LIBS) -lpthread -lm

MODE    ?= release
ifeq ($(MODE),asan)
  OPT := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer \
         -fno-sanitize-recover=undefined
else ifeq ($(MODE),fuzz)
  # libFuzzer instrumentation; the targets link with -fsanitize=fuzzer.
  # -Werror stays for gcc; clang-only warnings are shown, not fatal.
  CC  := clang-14
  OPT := -O1 -g -fsanitize=fuzzer-no-link,address,undefined \
         -fno-omit-frame-pointer -fno-sanitize-recover=undefined -Wno-error \
         -Wno-string-concatenation
else
  OPT := -O2 -g
endif
BUILD   := build/$(MODE)
CFLAGS  += $(CSTD) $(WARN) $(OPT) $(PKG_CFLAGS) -Isrc -MMD -MP
LDFLAGS += $(OPT)

LIB_SRC := $(sort $(wildcard src/lib/*.c src/core/*.c src/store/*.c \
             src/app/*.c src/web/*.c src/api/*.c src/cli/*.c src/http/*.c))
ASSETS  := $(sort $(wildcard assets/*))
DATA    := $(sort $(wildcard data/*))
SCHEMA  := $(sort $(wildcard src/store/schema/*.sql))
PG_SCHEMA := $(sort $(wildcard src/store/schema/pg/*.sql))
GEN_SRC := $(BUILD)/gen/assets.c
GEN_DATA:= $(BUILD)/gen/data.c
GEN_SCHEMA:= $(BUILD)/gen/schema.c
GEN_PG_SCHEMA:= $(BUILD)/gen/schema_pg.c
GEN_INFO:= $(BUILD)/gen/buildinfo.c
OBJ     := $(LIB_SRC:%.c=$(BUILD)/%.o) $(BUILD)/gen/assets.o \
           $(BUILD)/gen/data.o $(BUILD)/gen/schema.o $(BUILD)/gen/schema_pg.o \
           $(BUILD)/gen/buildinfo.o
MAIN_OBJ:= $(BUILD)/src/main.o
UNIT_SRC:= $(sort $(wildcard tests/unit/*.c))
UNIT_OBJ:= $(UNIT_SRC:%.c=$(BUILD)/%.o)
FUZZ_SRC:= $(sort $(wildcard tests/fuzz/fuzz_*.c))
FUZZ_BIN:= $(FUZZ_SRC:tests/fuzz/%.c=build/fuzz/%)
FUZZ_HELP:= $(patsubst %.c,build/fuzz/%.o,$(filter-out $(FUZZ_SRC),\
             $(wildcard tests/fuzz/*.c)))
FUZZ_SECONDS ?= 60

.PHONY: all run check check-pg asan unit clean deps deps-test bench deb fuzz fuzz-build FORCE \
        check-build check-build-release check-build-asan check-build-fuzz

all: gongkai

gongkai: $(BUILD)/gongkai
ifeq ($(MODE),release)
	@cp $< $@
endif

$(BUILD)/gongkai: $(OBJ) $(MAIN_OBJ)
	@echo "  LD  $@"
	@$(CC) $(LDFLAGS) -o $@ $^ $(PKG_LIBS)

$(BUILD)/unit: $(OBJ) $(UNIT_OBJ)
	@echo "  LD  $@"
	@$(CC) $(LDFLAGS) -o $@ $^ $(PKG_LIBS)

.PRECIOUS: build/fuzz/tests/fuzz/%.o

build/fuzz/fuzz_%: build/fuzz/tests/fuzz/fuzz_%.o $(FUZZ_HELP) $(OBJ)
	@echo "  LD  $@"
	@$(CC) $(LDFLAGS) -fsanitize=fuzzer -o $@ $^ $(PKG_LIBS)

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC  $<"
	@$(CC) $(CFLAGS) -c -o $@ $<

$(BUILD)/gen/assets.o: $(GEN_SRC)
	@$(CC) $(CFLAGS) -c -o $@ $<

$(BUILD)/gen/data.o: $(GEN_DATA)
	@$(CC) $(CFLAGS) -c -o $@ $<

$(GEN_SRC): tools/embed.sh $(ASSETS)
	@mkdir -p $(dir $@)
	@sh tools/embed.sh aAsset $(ASSETS) > $@

$(BUILD)/gen/schema.o: $(GEN_SCHEMA)
	@$(CC) $(CFLAGS) -c -o $@ $<

$(GEN_SCHEMA): tools/embed.sh $(SCHEMA)
	@mkdir -p $(dir $@)
	@sh tools/embed.sh aSchema $(SCHEMA) > $@

$(BUILD)/gen/schema_pg.o: $(GEN_PG_SCHEMA)
	@$(CC) $(CFLAGS) -c -o $@ $<

$(GEN_PG_SCHEMA): tools/embed.sh $(PG_SCHEMA)
	@mkdir -p $(dir $@)
	@sh tools/embed.sh aSchemaPg $(PG_SCHEMA) > $@

# The commit and build date `gongkai version` prints.  Rewritten only when
# they change, so an unchanged tree does not relink.  GK_COMMIT and
# SOURCE_DATE_EPOCH (set by the Debian build) take precedence over git.
$(GEN_INFO): FORCE
	@mkdir -p $(dir $@)
	@sh tools/buildinfo.sh > $@.tmp && \
	  if cmp -s $@.tmp $@; then rm -f $@.tmp; else mv $@.tmp $@; fi

$(BUILD)/gen/buildinfo.o: $(GEN_INFO)
	@$(CC) $(CFLAGS) -c -o $@ $<

FORCE:

$(GEN_DATA): tools/embed.sh $(DATA)
	@mkdir -p $(dir $@)
	@sh tools/embed.sh aData $(DATA) > $@

deps:
	@sh scripts/deps.sh build

deps-test:
	@sh scripts/deps.sh test
	@test -d node_modules/playwright-core -a -d node_modules/axe-core -a -d node_modules/ajv -a -d node_modules/@apidevtools/swagger-parser || \
	  npm ci --no-audit --no-fund --ignore-scripts --loglevel=error

run: deps
	@$(MAKE) --no-print-directory gongkai
	@if [ ! -f var/gongkai.db ]; then mkdir -p var && \
	  half() { rm -f var/gongkai.db var/gongkai.db-wal var/gongkai.db-shm var/admin-login.txt; exit 1; } && \
	  trap half INT TERM && \
	  { (umask 077 && ./gongkai init --db var/gongkai.db > var/admin-login.txt) && \
	    ./gongkai demo --db var/gongkai.db || half; } && trap - INT TERM; \
	else echo "var/gongkai.db exists: kept with its data (the demo users' password is gongkai-demo-2026;"; \
	  echo "remove var/gongkai.db to start again). The administrator as created:"; fi
	@cat var/admin-login.txt 2>/dev/null || true
	./gongkai serve --db var/gongkai.db --listen 127.0.0.1:8080

# The Debian package, built from the tracked and new (not ignored) files in
# a copy under build/deb; the .deb lands here as gongkai_VERSION_ARCH.deb.
deb:
	@sh scripts/deb.sh

unit: $(BUILD)/unit
	$(BUILD)/unit

asan:
	@$(MAKE) --no-print-directory MODE=asan build/asan/gongkai build/asan/unit

fuzz-build:
	@$(MAKE) --no-print-directory MODE=fuzz $(FUZZ_BIN)

fuzz: deps-test
	@$(MAKE) --no-print-directory fuzz-build
	@sh tests/fuzz/run.sh $(FUZZ_SECONDS)

check: deps-test
	@sh tools/check_layers.sh
	@python3 tools/codecheck.py
	@$(MAKE) --no-print-directory -j$(NPROC) check-build
	@sh tests/run_all.sh

# The three builds `make check` needs, sharing one job server (one per
# core): sequential single-job builds took a third of CI's half hour.
check-build: check-build-release check-build-asan check-build-fuzz
check-build-release:
	@$(MAKE) --no-print-directory gongkai build/release/unit
check-build-asan:
	@$(MAKE) --no-print-directory MODE=asan build/asan/gongkai build/asan/unit
check-build-fuzz:
	@$(MAKE) --no-print-directory fuzz-build

check-pg: deps-test
	@$(MAKE) --no-print-directory gongkai $(BUILD)/unit
	@sh tests/pg/run.sh

bench: deps
	@sh scripts/deps.sh bench
	@$(MAKE) --no-print-directory gongkai
	@sh bench/run.sh

clean:
	rm -rf build gongkai

-include $(OBJ:.o=.d) $(MAIN_OBJ:.o=.d) $(UNIT_OBJ:.o=.d) \
  $(wildcard build/fuzz/tests/fuzz/*.d)
