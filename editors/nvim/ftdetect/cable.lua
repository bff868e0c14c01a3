-- Filetype detection for diplomatic cables: `*.cable` and `*.tel` files get the filetype `cable`.
vim.filetype.add({
  extension = {
    cable = 'cable',
    tel = 'cable',
  },
})
