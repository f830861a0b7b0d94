module.exports = { ...require('../../jest.preset'), displayName: 'inventory' };
