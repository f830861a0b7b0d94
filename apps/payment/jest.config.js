module.exports = { ...require('../../jest.preset'), displayName: 'payment' };
