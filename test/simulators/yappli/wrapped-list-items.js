'use strict';
// Jest setup file of the "yappli, wrapped list items" project (jest.config.js): every Yappli
// simulator built in the test file answers list items in the wrapped reading unless the test
// chooses a reading itself (see listItemsDefault in yappli-simulator.ts).
process.env.YAPPLI_SIM_LIST_ITEMS = 'wrapped';
